import type { ServiceEventLog, WebhookOutbox } from "../inbox/ports.js";
import type { DeliveryRepo } from "./deliveries.js";
import type { ServiceEventRejectionRepo } from "./service-event-rejections.js";
import type { WebhookDeliveryRepo } from "./webhook-deliveries.js";

/** The webhook dispatcher's port: the outgoing log, its events' data decoded. */
export function createWebhookOutbox(webhookDeliveries: WebhookDeliveryRepo): WebhookOutbox {
  return {
    claimDue: async (now, limit, leaseMs) =>
      (await webhookDeliveries.claimDue(now, limit, leaseMs)).map((row) => ({
        ...row,
        data: JSON.parse(row.data) as Record<string, unknown>,
        occurredAt: new Date(row.occurredAt),
      })),
    settle: (...args) => webhookDeliveries.settle(...args),
  };
}

/** The email-service event endpoints' port: refusals counted, deliveries found by service id. */
export function createServiceEventLog(
  rejections: ServiceEventRejectionRepo,
  deliveries: DeliveryRepo,
): ServiceEventLog {
  return {
    countRejection: (...args) => rejections.add(...args),
    deliveryByServiceMessageId: async (serviceMessageId) => {
      const row = await deliveries.byServiceMessageId(serviceMessageId);
      return row && { issueId: row.issue_id, subscriberId: row.subscriber_id };
    },
  };
}
