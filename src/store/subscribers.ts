import type { Kysely, Selectable } from "kysely";
import type { Database, MembershipStatus, SubscribersTable } from "./tables.js";

export type SubscriberRow = Selectable<SubscribersTable>;

export interface MemberRow {
  subscriber_id: number;
  email: string;
  name: string | null;
  list_slug: string;
  status: MembershipStatus;
  source: string;
  created_at: string;
}

/** Queries on lists, subscribers and their memberships. */
export class SubscriberRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Makes the configured lists exist; returns slug → id. */
  async syncLists(lists: { id: string; name: string }[], now: Date): Promise<Map<string, number>> {
    for (const list of lists) {
      await this.db
        .insertInto("lists")
        .values({ slug: list.id, name: list.name, created_at: now.toISOString() })
        .onConflict((oc) => oc.column("slug").doUpdateSet({ name: list.name }))
        .execute();
    }
    const rows = await this.db.selectFrom("lists").select(["id", "slug"]).execute();
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  /** Adds the subscriber or updates their name (a missing name keeps the stored one). */
  async upsert(
    email: string,
    name: string | undefined,
    now: Date,
  ): Promise<{ id: number; isNew: boolean }> {
    const existing = await this.db
      .selectFrom("subscribers")
      .select(["id", "name"])
      .where("email", "=", email)
      .executeTakeFirst();
    if (existing) {
      if (name !== undefined && name !== existing.name) {
        await this.db
          .updateTable("subscribers")
          .set({ name, updated_at: now.toISOString() })
          .where("id", "=", existing.id)
          .execute();
      }
      return { id: existing.id, isNew: false };
    }
    const row = await this.db
      .insertInto("subscribers")
      .values({
        email,
        name: name ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, isNew: true };
  }

  /**
   * Puts the subscriber on the list. An existing membership keeps its status unless `force`: a
   * sync or import must never re-subscribe someone who unsubscribed or bounced.
   */
  async join(
    listId: number,
    subscriberId: number,
    options: { status: MembershipStatus; source: string; now: Date; force?: boolean },
  ): Promise<"added" | "kept" | "changed"> {
    const at = options.now.toISOString();
    const existing = await this.db
      .selectFrom("memberships")
      .select("status")
      .where("list_id", "=", listId)
      .where("subscriber_id", "=", subscriberId)
      .executeTakeFirst();
    if (!existing) {
      await this.db
        .insertInto("memberships")
        .values({
          list_id: listId,
          subscriber_id: subscriberId,
          status: options.status,
          source: options.source,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return "added";
    }
    if (!options.force || existing.status === options.status) return "kept";
    await this.setStatus(listId, subscriberId, options.status, options.now);
    return "changed";
  }

  async setStatus(
    listId: number,
    subscriberId: number,
    status: MembershipStatus,
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable("memberships")
      .set({ status, updated_at: now.toISOString() })
      .where("list_id", "=", listId)
      .where("subscriber_id", "=", subscriberId)
      .execute();
  }

  /** Takes the subscriber off one list, or off every list; returns how many memberships ended. */
  async leave(email: string, listId?: number): Promise<number> {
    const subscriber = await this.db
      .selectFrom("subscribers")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirst();
    if (!subscriber) return 0;
    let query = this.db.deleteFrom("memberships").where("subscriber_id", "=", subscriber.id);
    if (listId !== undefined) query = query.where("list_id", "=", listId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  members(listId?: number): Promise<MemberRow[]> {
    let query = this.db
      .selectFrom("memberships")
      .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
      .innerJoin("lists", "lists.id", "memberships.list_id")
      .select([
        "subscribers.id as subscriber_id",
        "subscribers.email",
        "subscribers.name",
        "lists.slug as list_slug",
        "memberships.status",
        "memberships.source",
        "memberships.created_at",
      ]);
    if (listId !== undefined) query = query.where("memberships.list_id", "=", listId);
    return query.orderBy("lists.slug").orderBy("subscribers.email").execute();
  }

  async countsByStatus(listId: number): Promise<Partial<Record<MembershipStatus, number>>> {
    const rows = await this.db
      .selectFrom("memberships")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .where("list_id", "=", listId)
      .groupBy("status")
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }
}
