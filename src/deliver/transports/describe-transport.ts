import type { TransportConfig } from "../../config/schema.js";

/**
 * Where messages go, in words for the operator, without credentials: "outbox (.eml files in
 * DIR)" or "smtp://host:port".
 */
export function describeTransport(transport: TransportConfig, outboxDir: string): string {
  if (transport.type === "outbox") return `outbox (.eml files in ${outboxDir}, nothing is sent)`;
  try {
    const url = new URL(transport.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "smtp";
  }
}
