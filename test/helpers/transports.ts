import {
  createOutboxTransport,
  type DkimOptions,
  type Transport,
} from "../../src/deliver/index.js";
import { createTransport, TransportConfig } from "../../src/deliver/transports/registry.js";
import { createSmtpTransport } from "../../src/deliver/transports/smtp.js";

/** The SMTP transport as the config would make it, for a sink's URL. */
export function smtpTransport(options: {
  url: string;
  pool?: boolean;
  maxConnections?: number;
  dkim?: DkimOptions;
}): Transport {
  const { url, pool = false, maxConnections = 1, dkim } = options;
  return createSmtpTransport(
    { type: "smtp", url, pool, maxConnections },
    { baseDir: ".", dataDir: ".", env: {}, ...(dkim && { dkim }) },
  );
}

/** The outbox transport writing into `dir`. */
export function outboxTransport(dir: string, options: { dkim?: DkimOptions } = {}): Transport {
  return createOutboxTransport(
    { type: "outbox", dir },
    { baseDir: ".", dataDir: ".", env: {}, ...options },
  );
}

/** An email-API transport (ses, postmark, resend) from its config as written, defaults applied. */
export function apiTransport(
  config: Record<string, unknown>,
  env: Record<string, string>,
): Promise<Transport> {
  return createTransport(TransportConfig.parse(config), { baseDir: ".", dataDir: ".", env });
}
