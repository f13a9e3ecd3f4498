import type { Kysely } from "kysely";
import type { WebhookAttemptOutcome } from "../inbox/ports.js";
import type { EventType } from "./events.js";
import type { Database, WebhookDeliveryStatus } from "./tables.js";

/** A webhook delivery claimed for posting, with its event as stored (see store/inbox-ports.ts). */
export interface ClaimedWebhookRow {
  id: number;
  url: string;
  /** Attempts before this one. */
  attempts: number;
  eventId: number;
  type: EventType;
  /** The event's data as stored (a JSON object). */
  data: string;
  occurredAt: string;
}

/** One row of the outgoing log, for `gazette webhooks`. */
export interface WebhookLogRow {
  id: number;
  eventId: number;
  type: string;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  occurredAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

/** The outgoing webhook log: claims with a lease, attempts counted, retries scheduled. */
export class WebhookDeliveryRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Claims up to `limit` rows that are due (pending whose time has come, or sending whose lease
   * passed), each by a conditional update, so two dispatchers never post the same row at once.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedWebhookRow[]> {
    const at = now.toISOString();
    const due = await this.db
      .selectFrom("webhook_deliveries")
      .innerJoin("events", "events.id", "webhook_deliveries.event_id")
      .select([
        "webhook_deliveries.id",
        "webhook_deliveries.url",
        "webhook_deliveries.attempts",
        "webhook_deliveries.status",
        "webhook_deliveries.lease_until",
        "events.id as eventId",
        "events.type",
        "events.data",
        "events.occurred_at as occurredAt",
      ])
      .where((eb) =>
        eb.or([
          eb.and([
            eb("webhook_deliveries.status", "=", "pending"),
            eb("webhook_deliveries.next_attempt_at", "<=", at),
          ]),
          eb.and([
            eb("webhook_deliveries.status", "=", "sending"),
            eb("webhook_deliveries.lease_until", "<", at),
          ]),
        ]),
      )
      .orderBy("webhook_deliveries.id")
      .limit(limit)
      .execute();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const claimed: ClaimedWebhookRow[] = [];
    for (const row of due) {
      const result = await this.db
        .updateTable("webhook_deliveries")
        .set({ status: "sending", lease_until: leaseUntil, updated_at: at })
        .where("id", "=", row.id)
        .where("status", "=", row.status)
        .where((eb) =>
          row.lease_until === null
            ? eb("lease_until", "is", null)
            : eb("lease_until", "=", row.lease_until),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1)
        claimed.push({
          id: row.id,
          url: row.url,
          attempts: row.attempts,
          eventId: row.eventId,
          type: row.type as EventType,
          data: row.data,
          occurredAt: row.occurredAt,
        });
    }
    return claimed;
  }

  /** Records one attempt and what comes next. */
  async settle(id: number, outcome: WebhookAttemptOutcome, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable("webhook_deliveries")
      .set((eb) => ({
        status: outcome.status,
        attempts: eb("attempts", "+", 1),
        lease_until: null,
        response_status: outcome.responseStatus,
        error: outcome.status === "sent" ? null : outcome.error,
        updated_at: at,
        ...(outcome.status === "sent" ? { sent_at: at } : {}),
        ...(outcome.status === "pending"
          ? { next_attempt_at: outcome.nextAttemptAt.toISOString() }
          : {}),
      }))
      .where("id", "=", id)
      .execute();
  }

  /** The newest rows first. */
  async log(limit: number): Promise<WebhookLogRow[]> {
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .innerJoin("events", "events.id", "webhook_deliveries.event_id")
      .select([
        "webhook_deliveries.id",
        "events.id as eventId",
        "events.type",
        "webhook_deliveries.url",
        "webhook_deliveries.status",
        "webhook_deliveries.attempts",
        "webhook_deliveries.response_status as responseStatus",
        "webhook_deliveries.error",
        "events.occurred_at as occurredAt",
        "webhook_deliveries.next_attempt_at as nextAttemptAt",
        "webhook_deliveries.sent_at as sentAt",
      ])
      .orderBy("webhook_deliveries.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
  }

  /** Rows by status. */
  async counts(): Promise<Partial<Record<WebhookDeliveryStatus, number>>> {
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("status")
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }
}
