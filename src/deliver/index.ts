export { createMailer } from "./create-mailer.js";
export { type DeliveryOptions, toDeliveryOptions } from "./delivery-options.js";
export { type DkimOptions, loadDkimOptions } from "./dkim-options.js";
export { createDryRunMailer, type DryRunMailer } from "./dry-run-mailer.js";
export {
  type DeliveryIds,
  domainOf,
  feedbackIdFor,
  listIdFor,
  messageIdFor,
} from "./message-id.js";
export { compileMessage, type IssueMessage, type MessageTemplate } from "./message-template.js";
export { createOutboxMailer, outboxFileName } from "./outbox-mailer.js";
export { type SendIssueInput, type SendReport, sendIssue } from "./send-issue.js";
export { SmtpError } from "./smtp-error.js";
export { createSmtpMailer, type SmtpMailerOptions } from "./smtp-mailer.js";
export { toMailOptions } from "./to-mail-options.js";
export type { Mailer, OutgoingMessage, RawMessage, SendResult } from "./types.js";
