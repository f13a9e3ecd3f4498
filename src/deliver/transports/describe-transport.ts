import type { TransportConfig } from "../../config/index.js";

/**
 * Where messages go, in words for the operator, without credentials: "outbox (.eml files in
 * DIR)" or "smtp://host:port".
 */
export function describeTransport(transport: TransportConfig, outboxDir: string): string {
  if (transport.type === "outbox") return `outbox (.eml files in ${outboxDir}, nothing is sent)`;
  if (transport.type === "ses")
    return `Amazon SES (${transport.endpoint ?? `https://email.${transport.region}.amazonaws.com`})`;
  if (transport.type === "postmark")
    return `Postmark (${transport.endpoint}, stream ${transport.messageStream})`;
  if (transport.type === "resend") return `Resend (${transport.endpoint})`;
  try {
    const url = new URL(transport.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "smtp";
  }
}
