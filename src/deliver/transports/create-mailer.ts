import type { TransportConfig } from "../../config/schema.js";
import type { DkimOptions } from "../mime/dkim-options.js";
import { createOutboxMailer } from "./outbox-mailer.js";
import { createSmtpMailer } from "./smtp-mailer.js";
import type { Mailer } from "./types.js";

/** The Mailer for the configured transport; `outboxDir` is used when the outbox names no dir. */
export function createMailer(
  transport: TransportConfig,
  options: { outboxDir: string; dkim?: DkimOptions },
): Mailer {
  switch (transport.type) {
    case "outbox":
      return createOutboxMailer(transport.dir ?? options.outboxDir, { dkim: options.dkim });
    case "smtp":
      return createSmtpMailer({ ...transport, dkim: options.dkim });
  }
}
