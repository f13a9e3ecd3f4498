import type { Kysely } from "kysely";
import type { EventType } from "../shared/event-types.js";
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
  async record(type: EventType, data: EventData, now: Date): Promise<void> {
    const urls = this.webhooks.targets.filter((t) => t.events.includes(type)).map((t) => t.url);
    if (urls.length === 0) return;
    const at = now.toISOString();
    await this.atomically(this.db, [type], async (trx) => {
      const { id } = await trx
        .insertInto("events")
        .values({ type, data: JSON.stringify(data), occurred_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("webhook_deliveries")
        .values(
          [...new Set(urls)].map((url) => ({
            event_id: id,
            url,
            status: "pending" as const,
            attempts: 0,
            next_attempt_at: at,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    });
  }

  /** A membership event, with the subscriber's address and name and the list's slug. */
  async recordMembership(
    type: EventType,
    listId: number,
    subscriberId: number,
    now: Date,
    extra: EventData,
  ): Promise<void> {
    if (!this.wants(type)) return;
    const row = await this.db
      .selectFrom("subscribers")
      .crossJoin("lists")
      .select(["subscribers.email", "subscribers.name", "lists.slug"])
      .where("subscribers.id", "=", subscriberId)
      .where("lists.id", "=", listId)
      .executeTakeFirst();
    if (!row) return;
    await this.record(type, { email: row.email, name: row.name, list: row.slug, ...extra }, now);
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
