// What the inbox asks of the store, in its own terms: the store implements these ports
// (store.webhookOutbox, store.serviceEventLog) and maps its rows at its boundary.

import type { EventType } from "../shared/event-types.js";

/** A webhook delivery claimed for posting, with its event. */
export interface ClaimedWebhookDelivery {
  id: number;
  url: string;
  /** Attempts before this one. */
  attempts: number;
  eventId: number;
  type: EventType;
  /** The event's data, decoded. */
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** How an attempt ended: posted (2xx), to be tried again at a time, or given up. */
export type WebhookAttemptOutcome =
  | { status: "sent"; responseStatus: number }
  | { status: "pending"; responseStatus: number | null; error: string; nextAttemptAt: Date }
  | { status: "failed"; responseStatus: number | null; error: string };

/** The outgoing webhook log, as the dispatcher uses it. */
export interface WebhookOutbox {
  /**
   * Claims up to `limit` rows that are due (pending whose time has come, or sending whose lease
   * passed) until now + leaseMs; two dispatchers never hold the same row at once.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedWebhookDelivery[]>;
  /** Records one attempt and what comes next. */
  settle(id: number, outcome: WebhookAttemptOutcome, now: Date): Promise<void>;
}

/** The issue and subscriber a delivery was for. */
export interface DeliveryRef {
  issueId: number;
  subscriberId: number;
}

/** What the email-service event endpoints read and write. */
export interface ServiceEventLog {
  /** Counts a refused request, by service and reason. */
  countRejection(service: string, reason: string, now: Date): Promise<void>;
  /** The delivery an email service knows by its own message id. */
  deliveryByServiceMessageId(serviceMessageId: string): Promise<DeliveryRef | undefined>;
}
