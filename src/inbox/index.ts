export {
  type Classification,
  type ClassifyOptions,
  classifyMessage,
  type MessageKind,
} from "./classify/classify-message.js";
export {
  type FetchedMessage,
  type MailboxPass,
  type MailboxSettings,
  type MessageVerdict,
  readMailbox,
} from "./read-mailbox.js";
export {
  type ApplyOutcome,
  type ServiceEventEffects,
  storeEffects,
} from "./service-events/apply-service-event.js";
export {
  createServiceEventReceiver,
  type EventAnswer,
  type ReceiverOptions,
  type ServiceEventReceiver,
} from "./service-events/receive-service-event.js";
export type { EmailService, EventRequest, ServiceEvent } from "./service-events/types.js";
export {
  type SignatureCheck,
  signWebhook,
  verifyWebhook,
  webhookKey,
} from "./standard-webhooks.js";
export {
  type DispatchInput,
  type DispatchReport,
  dispatchWebhooks,
  eventBody,
  eventIdOf,
} from "./webhooks/dispatch-webhooks.js";
export { webhookTargets } from "./webhooks/webhook-targets.js";
