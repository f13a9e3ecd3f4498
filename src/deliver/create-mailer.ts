import type { TransportConfig } from "../config/schema.js";
import { createOutboxMailer } from "./outbox-mailer.js";
import { createSmtpMailer } from "./smtp-mailer.js";
import type { Mailer } from "./types.js";

/** The Mailer for the configured transport; `outboxDir` is used when the outbox names no dir. */
export function createMailer(transport: TransportConfig, options: { outboxDir: string }): Mailer {
  switch (transport.type) {
    case "outbox":
      return createOutboxMailer(transport.dir ?? options.outboxDir);
    case "smtp":
      return createSmtpMailer(transport);
  }
}
