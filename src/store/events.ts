import type { Kysely } from "kysely";
import type { EventType } from "../shared/event-types.js";
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
 */
export class EventRepo {
  #targets: readonly WebhookTarget[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  /** The configured webhooks (config `webhooks:`); none by default. */
  configure(targets: readonly WebhookTarget[]): void {
    this.#targets = targets;
  }

  /** True when some webhook wants events of this type (so the caller may skip building one). */
  wants(type: EventType): boolean {
    return this.#targets.some((target) => target.events.includes(type));
  }

  /** Records the event and queues one webhook delivery per webhook that wants it. */
  async record(type: EventType, data: EventData, now: Date): Promise<void> {
    const urls = this.#targets.filter((t) => t.events.includes(type)).map((t) => t.url);
    if (urls.length === 0) return;
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
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
}
