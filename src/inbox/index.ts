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
