import type { WebhookConfig } from "../../config/index.js";
import type { WebhookTarget } from "../../store/index.js";

/** What the store needs of the configured webhooks to record events for them. */
export function webhookTargets(webhooks: readonly WebhookConfig[]): WebhookTarget[] {
  return webhooks.map((webhook) => ({ url: webhook.url, events: webhook.events }));
}
