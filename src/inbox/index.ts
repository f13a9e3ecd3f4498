import { lazyFunction } from "../shared/lazy-function.js";

export type {
  Classification,
  ClassifyOptions,
  MessageKind,
} from "./classify/classify-message.js";
export type {
  FetchedMessage,
  MailboxPass,
  MailboxSettings,
  MessageVerdict,
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
export type {
  EmailService,
  EventRequest,
  RejectReason,
  ServiceEvent,
} from "./service-events/types.js";
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

// mailparser and imapflow load when a message is first read: importing this face costs neither.

export { isMailMessage } from "./classify/is-mail-message.js";

/** What an incoming message is (bounce, complaint, unsubscribe, reply…) and whom it concerns. */
export const classifyMessage = lazyFunction(
  async () => (await import("./classify/classify-message.js")).classifyMessage,
);
/** One pass over the mailbox (IMAP): every unseen message classified and applied once. */
export const readMailbox = lazyFunction(
  async () => (await import("./read-mailbox.js")).readMailbox,
);
