export { type DeliveryOptions, toDeliveryOptions } from "./engine/delivery-options.js";
export type { RateLimiter } from "./engine/rate-limiter.js";
export { type RetryPolicy, retryDelay } from "./engine/retry-delay.js";
export { type SendIssueInput, type SendReport, sendIssue } from "./engine/send-issue.js";
export { isSendSettled } from "./engine/send-report.js";
export { createSharedRateLimiter } from "./engine/shared-rate-limiter.js";
export { advertisedMailto, framedMessage, outgoingFrame, sendTestCopy } from "./frame.js";
export { type DkimOptions, loadDkimOptions } from "./mime/dkim-options.js";
export {
  type DeliveryIds,
  domainOf,
  feedbackIdFor,
  listIdFor,
  messageIdFor,
} from "./mime/message-id.js";
export {
  checkIssueMessage,
  compileMessage,
  type IssueMessage,
  type MessageTemplate,
} from "./mime/message-template.js";
export { prepareMessage } from "./mime/prepare-message.js";
export { toMailOptions } from "./mime/to-mail-options.js";
export { createOutboxTransport, outboxFileName } from "./transports/outbox.js";
export {
  type ConfigOf,
  createTransport,
  describeTransport,
  TRANSPORTS,
  TransportConfig,
  type TransportOptions,
} from "./transports/registry.js";
export { SmtpError } from "./transports/smtp-error.js";
export {
  type FailureKind,
  type OutgoingMessage,
  type PreparedMessage,
  type SendResult,
  type Transport,
  TransportError,
} from "./transports/types.js";
