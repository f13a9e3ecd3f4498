import { applyMailEvent } from "../../audience/index.js";
import type { MailEventLedger } from "../../audience/ports.js";
import type { ServiceEventLog } from "../ports.js";
import type { ServiceEvent } from "./types.js";

export type ApplyOutcome = "applied" | "duplicate" | "unmatched";

/** What an email service's event does to the audience. */
export interface ServiceEventEffects {
  apply(event: ServiceEvent, now: Date): Promise<ApplyOutcome>;
}

/**
 * The same effects as every other route mail talks back by (applyMailEvent: a hard bounce marks
 * its delivery bounced and counts towards maxBounces, a complaint suppresses at once, each event
 * once). The service's own message id finds the delivery first; else our Message-ID, else the
 * address, as for a DSN.
 */
export function storeEffects(
  store: { readonly serviceEventLog: ServiceEventLog; readonly audience: MailEventLedger },
  options: { maxBounces: number },
): ServiceEventEffects {
  return {
    async apply(event, now) {
      const delivery = event.serviceMessageId
        ? await store.serviceEventLog.deliveryByServiceMessageId(event.serviceMessageId)
        : undefined;
      const result = await applyMailEvent(
        store,
        {
          kind: event.kind,
          source: event.service,
          eventId: event.eventKey,
          email: event.recipient,
          detail: event.detail,
          at: now,
          ...(event.messageId && { messageId: event.messageId }),
          ...(delivery && {
            delivery: { issueId: delivery.issueId, subscriberId: delivery.subscriberId },
          }),
        },
        options,
      );
      if (result.outcome === "duplicate") return "duplicate";
      return result.outcome === "unknown" ? "unmatched" : "applied";
    },
  };
}
