import type { Kysely } from "kysely";
import type { EventType } from "../shared/event-types.js";
import { chunksOf } from "./chunks-of.js";
import { inTransaction } from "./in-transaction.js";
import type { Database } from "./tables.js";

export { EVENT_TYPES, type EventType } from "../shared/event-types.js";

/** A webhook as the store sees it: where events go and which ones. */
export interface WebhookTarget {
  url: string;
  events: readonly EventType[];
}

/** An event's data: plain JSON values. */
export type EventData = Record<string, string | number | boolean | null>;

/** A membership an event is about, and what the event says besides the address and list. */
export interface MembershipEvent {
  listId: number;
  subscriberId: number;
  extra: EventData;
}

// Rows per multi-row insert: 7 columns × 1000 stays under SQLite's 32,766 bound parameters.
const ROWS_PER_INSERT = 1000;

/**
 * The event log. Repos record what happened at the state changes they make (a membership that
 * becomes active, an issue that becomes sent…), so every path — web pages, CLI, inbox, service
 * events — tells the webhooks the same way. An event no webhook wants is not stored at all: an
 * import of 100,000 subscribers costs nothing when no webhook listens.
 *
 * A transactional outbox: a repo records its event in the transaction of the change it reports
 * (see `atomically`), so a crash between the two, or an event that cannot be written, leaves
 * neither the change nor the event; the dispatcher posts the events afterwards.
 */
export class EventRepo {
  constructor(
    private readonly db: Kysely<Database>,
    // Shared by every copy `within` makes, so `configure` reaches them all.
    private readonly webhooks: { targets: readonly WebhookTarget[] } = { targets: [] },
  ) {}

  /** This log on a transaction of its database, with the same webhooks. */
  within(trx: Kysely<Database>): EventRepo {
    return new EventRepo(trx, this.webhooks);
  }

  /** The configured webhooks (config `webhooks:`); none by default. */
  configure(targets: readonly WebhookTarget[]): void {
    this.webhooks.targets = targets;
  }

  /** True when some webhook wants events of this type (so the caller may skip building one). */
  wants(type: EventType): boolean {
    return this.webhooks.targets.some((target) => target.events.includes(type));
  }

  /**
   * Runs `change` on `db` with this log on the same connection, in one transaction when some
   * webhook wants one of `types` (else as it is: a send that no webhook listens to pays nothing).
   * `change` must make every query on the `db` it is given: on SQLite another one would wait for
   * the transaction's own connection.
   */
  atomically<T>(
    db: Kysely<Database>,
    types: readonly EventType[],
    change: (db: Kysely<Database>, events: EventRepo) => Promise<T>,
  ): Promise<T> {
    if (!types.some((type) => this.wants(type))) return change(db, this.within(db));
    return inTransaction(db, (trx) => change(trx, this.within(trx)));
  }

  /** Records the event and queues one webhook delivery per webhook that wants it. */
  record(type: EventType, data: EventData, now: Date): Promise<void> {
    return this.recordAll(type, [data], now);
  }

  /**
   * Records one event per item of `data`, each with one webhook delivery per webhook that wants
   * it, in multi-row inserts: an import's batch costs a few queries, not a few per row.
   */
  async recordAll(type: EventType, data: readonly EventData[], now: Date): Promise<void> {
    const targets = this.webhooks.targets.filter((t) => t.events.includes(type));
    const urls = [...new Set(targets.map((t) => t.url))];
    if (urls.length === 0 || data.length === 0) return;
    const at = now.toISOString();
    await this.atomically(this.db, [type], async (trx) => {
      for (const part of chunksOf(data, ROWS_PER_INSERT)) {
        const events = await trx
          .insertInto("events")
          .values(part.map((item) => ({ type, data: JSON.stringify(item), occurred_at: at })))
          .returning("id")
          .execute();
        const deliveries = events.flatMap(({ id }) =>
          urls.map((url) => ({
            event_id: id,
            url,
            status: "pending" as const,
            attempts: 0,
            next_attempt_at: at,
            created_at: at,
            updated_at: at,
          })),
        );
        for (const rows of chunksOf(deliveries, ROWS_PER_INSERT))
          await trx.insertInto("webhook_deliveries").values(rows).execute();
      }
    });
  }

  /** A membership event, with the subscriber's address and name and the list's slug. */
  recordMembership(
    type: EventType,
    listId: number,
    subscriberId: number,
    now: Date,
    extra: EventData,
  ): Promise<void> {
    return this.recordMemberships(type, [{ listId, subscriberId, extra }], now);
  }

  /**
   * recordMembership for many memberships at once (an import's batch), in their order: the
   * subscribers and lists are read in one query, the events written by recordAll.
   */
  async recordMemberships(
    type: EventType,
    memberships: readonly MembershipEvent[],
    now: Date,
  ): Promise<void> {
    if (!this.wants(type) || memberships.length === 0) return;
    const rows = await this.db
      .selectFrom("subscribers")
      .crossJoin("lists")
      .select([
        "subscribers.id as subscriberId",
        "lists.id as listId",
        "subscribers.email",
        "subscribers.name",
        "lists.slug",
      ])
      .where("subscribers.id", "in", [...new Set(memberships.map((m) => m.subscriberId))])
      .where("lists.id", "in", [...new Set(memberships.map((m) => m.listId))])
      .execute();
    const found = new Map(rows.map((row) => [`${row.listId}:${row.subscriberId}`, row]));
    const data = memberships.flatMap(({ listId, subscriberId, extra }) => {
      const row = found.get(`${listId}:${subscriberId}`);
      return row ? [{ email: row.email, name: row.name, list: row.slug, ...extra }] : [];
    });
    await this.recordAll(type, data, now);
  }

  /** subscriber.bounced for a delivery marked bounced, with the issue it was about. */
  async recordBounce(deliveryId: number, reason: string, now: Date): Promise<void> {
    if (!this.wants("subscriber.bounced")) return;
    const row = await this.db
      .selectFrom("deliveries")
      .innerJoin("issues", "issues.id", "deliveries.issue_id")
      .innerJoin("lists", "lists.id", "issues.list_id")
      .select(["deliveries.email", "lists.slug", "issues.number"])
      .where("deliveries.id", "=", deliveryId)
      .executeTakeFirst();
    if (!row) return;
    await this.record(
      "subscriber.bounced",
      { email: row.email, list: row.slug, issue: row.number, reason },
      now,
    );
  }
}
