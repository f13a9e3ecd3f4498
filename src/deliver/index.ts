export { type DeliveryOptions, toDeliveryOptions } from "./engine/delivery-options.js";
export { type SendIssueInput, type SendReport, sendIssue } from "./engine/send-issue.js";
export { type DkimOptions, loadDkimOptions } from "./mime/dkim-options.js";
export {
  type DeliveryIds,
  domainOf,
  feedbackIdFor,
  listIdFor,
  messageIdFor,
} from "./mime/message-id.js";
export {
  compileMessage,
  type IssueMessage,
  type MessageTemplate,
} from "./mime/message-template.js";
export { toMailOptions } from "./mime/to-mail-options.js";
export { createMailer } from "./transports/create-mailer.js";
export { describeTransport } from "./transports/describe-transport.js";
export { createDryRunMailer, type DryRunMailer } from "./transports/dry-run-mailer.js";
export { createOutboxMailer, outboxFileName } from "./transports/outbox-mailer.js";
export { SmtpError } from "./transports/smtp-error.js";
export { createSmtpMailer, type SmtpMailerOptions } from "./transports/smtp-mailer.js";
export type { Mailer, OutgoingMessage, RawMessage, SendResult } from "./transports/types.js";
