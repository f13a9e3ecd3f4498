import type { Store } from "../../store/index.js";
import type { ServiceEvent } from "./types.js";

export type ApplyOutcome = "applied" | "duplicate" | "unmatched";

/**
 * What an email service's event does to the audience. Kept behind this interface so that the
 * inbox's shared bounce/complaint rules (the same as for DSNs and ARF reports) can take its place.
 */
export interface ServiceEventEffects {
  apply(event: ServiceEvent, now: Date): Promise<ApplyOutcome>;
}

/**
 * The effects as the send path has them: the event is recorded once (a retry or replay changes
 * nothing); a hard bounce marks its delivery bounced and, after `maxBounces`, suppresses the
 * address on every list; a complaint suppresses the address at once and marks each of its
 * memberships complained; a soft bounce and a delivery are recorded on the delivery's row only.
 */
export function storeEffects(store: Store, options: { maxBounces: number }): ServiceEventEffects {
  return {
    async apply(event, now) {
      const delivery = await store.deliveries.matchServiceEvent({
        email: event.recipient,
        ...(event.serviceMessageId && { serviceMessageId: event.serviceMessageId }),
        ...(event.messageId && { messageId: event.messageId }),
      });
      const isNew = await store.serviceEvents.record({
        service: event.service,
        eventKey: event.eventKey,
        kind: event.kind,
        recipient: event.recipient,
        deliveryId: delivery?.id ?? null,
        serviceMessageId: event.serviceMessageId ?? null,
        detail: event.detail,
        occurredAt: event.occurredAt,
        receivedAt: now,
      });
      if (!isNew) return "duplicate";
      if (event.kind === "complaint") {
        await store.suppressions.add(event.recipient, `complaint (${event.service})`, now);
        const subscriber = await store.subscribers.byEmail(event.recipient);
        if (subscriber)
          for (const membership of await store.subscribers.membershipsOf(subscriber.id))
            if (membership.status !== "complained")
              await store.subscribers.setStatus(
                membership.list_id,
                subscriber.id,
                "complained",
                now,
              );
        return "applied";
      }
      if (!delivery) return "unmatched";
      if (event.kind === "hard-bounce" && delivery.status === "sent") {
        const reason = `${event.service}: ${event.detail}`;
        await store.deliveries.markUnsent(delivery.id, "bounced", reason, now);
        const bounces = await store.deliveries.bounceCount(delivery.email);
        if (bounces >= options.maxBounces)
          await store.suppressions.add(delivery.email, `${bounces} hard bounces`, now);
      }
      return "applied";
    },
  };
}
