export { createMailer } from "./create-mailer.js";
export { createDryRunMailer, type DryRunMailer } from "./dry-run-mailer.js";
export { type DeliveryIds, domainOf, listIdFor, messageIdFor } from "./message-id.js";
export { createOutboxMailer, outboxFileName } from "./outbox-mailer.js";
export { SmtpError } from "./smtp-error.js";
export { createSmtpMailer, type SmtpMailerOptions } from "./smtp-mailer.js";
export { toMailOptions } from "./to-mail-options.js";
export type { Mailer, OutgoingMessage, SendResult } from "./types.js";
