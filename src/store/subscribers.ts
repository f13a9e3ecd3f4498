import type { Kysely, Selectable } from "kysely";
import { emailKey } from "../audience/index.js";
import type { ImportCounts, ImportRow, SubscriberImport } from "../audience/ports.js";
import type { EventRepo, EventType } from "./events.js";
import { readStringArray } from "./json.js";
import type { Database, MembershipStatus, SubscribersTable } from "./tables.js";

export type SubscriberRow = Selectable<SubscribersTable>;

/** One subscriber's membership of one list, with the topics they chose (null: every topic). */
export interface MembershipRow {
  list_id: number;
  list_slug: string;
  status: MembershipStatus;
  source: string;
  topics: string[] | null;
}

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
/** Thrown to roll an import back after a dry run counted what it would do. */
class DryRunRollback extends Error {}

export class SubscriberRepo implements SubscriberImport {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventRepo,
  ) {}

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

  /** The lists in the store, slug → id; reads only (syncLists creates them). */
  async listIds(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom("lists").select(["id", "slug"]).execute();
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  /**
   * Adds the subscriber or updates their name (a missing name keeps the stored one). An address
   * known in another case is that subscriber, and keeps the spelling it was first written in.
   */
  async upsert(
    email: string,
    name: string | undefined,
    now: Date,
  ): Promise<{ id: number; isNew: boolean }> {
    const existing = await this.db
      .selectFrom("subscribers")
      .select(["id", "name"])
      .where("email_key", "=", emailKey(email))
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
        email_key: emailKey(email),
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
   * sync or import must never re-subscribe someone who unsubscribed or bounced. The change and
   * its event (subscriber.subscribed, .confirmed…) are written in one transaction.
   */
  join(
    listId: number,
    subscriberId: number,
    options: { status: MembershipStatus; source: string; now: Date; force?: boolean },
  ): Promise<"added" | "kept" | "changed"> {
    const at = options.now.toISOString();
    return this.events.atomically(this.db, MEMBERSHIP_EVENTS, async (db, events) => {
      const existing = await db
        .selectFrom("memberships")
        .select("status")
        .where("list_id", "=", listId)
        .where("subscriber_id", "=", subscriberId)
        .executeTakeFirst();
      if (!existing) {
        await db
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
        if (isSubscription(options.status))
          await events.recordMembership(
            "subscriber.subscribed",
            listId,
            subscriberId,
            options.now,
            {
              status: options.status,
              source: options.source,
            },
          );
        return "added";
      }
      if (!options.force || existing.status === options.status) return "kept";
      await new SubscriberRepo(db, events).setStatus(
        listId,
        subscriberId,
        options.status,
        options.now,
      );
      return "changed";
    });
  }

  /** Sets a membership's status; the change and its event are written in one transaction. */
  setStatus(
    listId: number,
    subscriberId: number,
    status: MembershipStatus,
    now: Date,
  ): Promise<void> {
    return this.events.atomically(this.db, MEMBERSHIP_EVENTS, async (db, events) => {
      // The status before, only read when some webhook listens for membership changes.
      const before = MEMBERSHIP_EVENTS.some((type) => events.wants(type))
        ? await db
            .selectFrom("memberships")
            .select("status")
            .where("list_id", "=", listId)
            .where("subscriber_id", "=", subscriberId)
            .executeTakeFirst()
        : undefined;
      await db
        .updateTable("memberships")
        .set({ status, updated_at: now.toISOString() })
        .where("list_id", "=", listId)
        .where("subscriber_id", "=", subscriberId)
        .execute();
      const type = before && membershipEvent(before.status, status);
      if (type) await events.recordMembership(type, listId, subscriberId, now, { status });
    });
  }

  /** Takes the subscriber off one list, or off every list; returns how many memberships ended. */
  async leave(email: string, listId?: number): Promise<number> {
    const subscriber = await this.byEmail(email);
    if (!subscriber) return 0;
    let query = this.db.deleteFrom("memberships").where("subscriber_id", "=", subscriber.id);
    if (listId !== undefined) query = query.where("list_id", "=", listId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  members(listId?: number): Promise<MemberRow[]> {
    return this.#memberships(listId).orderBy("lists.slug").orderBy("subscribers.email").execute();
  }

  /** Memberships with their subscriber and list (of one list, or all), as MemberRow and list id. */
  #memberships(listId?: number) {
    const query = this.db
      .selectFrom("memberships")
      .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
      .innerJoin("lists", "lists.id", "memberships.list_id")
      .select([
        "memberships.list_id",
        "subscribers.id as subscriber_id",
        "subscribers.email",
        "subscribers.name",
        "lists.slug as list_slug",
        "memberships.status",
        "memberships.source",
        "memberships.created_at",
      ]);
    return listId === undefined ? query : query.where("memberships.list_id", "=", listId);
  }

  byId(id: number): Promise<SubscriberRow | undefined> {
    return this.db.selectFrom("subscribers").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The subscriber with this address, in whatever case it is given. */
  byEmail(email: string): Promise<SubscriberRow | undefined> {
    return this.db
      .selectFrom("subscribers")
      .selectAll()
      .where("email_key", "=", emailKey(email))
      .executeTakeFirst();
  }

  /**
   * The subscriber an id names, following a merge: the id of a subscriber merged into another
   * (migration 012, same address in another case) gives the one it was merged into, so the links
   * and X-Gazette-Subscriber values already sent keep reaching the person.
   */
  async resolve(id: number): Promise<SubscriberRow | undefined> {
    const found = await this.byId(id);
    if (found) return found;
    const alias = await this.db
      .selectFrom("subscriber_aliases")
      .select("survivor_id")
      .where("subscriber_id", "=", id)
      .executeTakeFirst();
    return alias && this.byId(alias.survivor_id);
  }

  /** Every list the subscriber is on, whatever the status. */
  async membershipsOf(subscriberId: number): Promise<MembershipRow[]> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("lists", "lists.id", "memberships.list_id")
      .select([
        "memberships.list_id",
        "lists.slug as list_slug",
        "memberships.status",
        "memberships.source",
        "memberships.topics",
      ])
      .where("memberships.subscriber_id", "=", subscriberId)
      .orderBy("lists.slug")
      .execute();
    return rows.map((row) => ({
      ...row,
      topics: row.topics === null ? null : readStringArray(row.topics),
    }));
  }

  /** Sets the topics the subscriber wants from the list; null or empty means every topic. */
  async setTopics(
    listId: number,
    subscriberId: number,
    topics: string[] | null,
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable("memberships")
      .set({
        topics: topics && topics.length > 0 ? JSON.stringify([...topics].sort()) : null,
        updated_at: now.toISOString(),
      })
      .where("list_id", "=", listId)
      .where("subscriber_id", "=", subscriberId)
      .execute();
  }

  /**
   * Active members who chose topics, with their addresses, for splitting a send into segments.
   * The others (the usual case) get the whole issue and are not read: a send to 1,000,000 would
   * otherwise hold every address at once.
   */
  async activeTopics(listId: number): Promise<{ email: string; topics: string[] | null }[]> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
      .select(["subscribers.email", "memberships.topics"])
      .where("memberships.list_id", "=", listId)
      .where("memberships.status", "=", "active")
      .where("memberships.topics", "is not", null)
      .execute();
    return rows.map((row) => ({
      email: row.email,
      topics: row.topics === null ? null : readStringArray(row.topics),
    }));
  }

  async importBatches(
    batches: AsyncIterable<ImportRow[]>,
    options: { source: string; now: Date; dryRun?: boolean },
  ): Promise<ImportCounts> {
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    await this.db
      .transaction()
      .execute(async (trx) => {
        // The memberships and their events go in the one transaction (a dry run rolls back both).
        const repo = new SubscriberRepo(trx, this.events.within(trx));
        for await (const rows of batches) {
          const batch = await repo.#importBatch(rows, options);
          counts.added += batch.added;
          counts.updated += batch.updated;
          counts.unchanged += batch.unchanged;
        }
        if (options.dryRun) throw new DryRunRollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
    return counts;
  }

  /**
   * One batch of importBatches, on a repo of its transaction. Each membership it adds records
   * subscriber.subscribed as join's does, in multi-row inserts, only when a webhook wants it.
   */
  async #importBatch(
    rows: ImportRow[],
    options: { source: string; now: Date },
  ): Promise<ImportCounts> {
    const db = this.db;
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    if (rows.length === 0) return counts;
    const at = options.now.toISOString();
    const existing = new Map(
      (
        await db
          .selectFrom("subscribers")
          .select(["id", "email_key", "name"])
          .where(
            "email_key",
            "in",
            rows.map((row) => emailKey(row.email)),
          )
          .execute()
      ).map((row) => [row.email_key, row]),
    );
    const fresh = rows.filter((row) => !existing.has(emailKey(row.email)));
    if (fresh.length > 0) {
      const inserted = await db
        .insertInto("subscribers")
        .values(
          fresh.map((row) => ({
            email: row.email,
            email_key: emailKey(row.email),
            name: row.name ?? null,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning(["id", "email_key", "name"])
        .execute();
      for (const row of inserted) existing.set(row.email_key, row);
    }
    const ids = [...existing.values()].map((row) => row.id);
    const joined = new Set(
      (
        await db
          .selectFrom("memberships")
          .select(["list_id", "subscriber_id"])
          .where("subscriber_id", "in", ids)
          .execute()
      ).map((row) => `${row.list_id}:${row.subscriber_id}`),
    );
    const memberships: Database["memberships"][] = [];
    for (const row of rows) {
      const subscriber = existing.get(emailKey(row.email));
      if (!subscriber) continue;
      const isNew = fresh.includes(row);
      let isChanged = false;
      if (!isNew && row.name !== undefined && row.name !== subscriber.name) {
        await db
          .updateTable("subscribers")
          .set({ name: row.name, updated_at: at })
          .where("id", "=", subscriber.id)
          .execute();
        isChanged = true;
      }
      for (const listId of row.listIds) {
        const key = `${listId}:${subscriber.id}`;
        if (joined.has(key)) continue;
        joined.add(key);
        isChanged = true;
        memberships.push({
          list_id: listId,
          subscriber_id: subscriber.id,
          status: row.status,
          source: options.source,
          created_at: at,
          updated_at: at,
          topics: null,
        });
      }
      if (isNew) counts.added++;
      else if (isChanged) counts.updated++;
      else counts.unchanged++;
    }
    if (memberships.length === 0) return counts;
    await db.insertInto("memberships").values(memberships).execute();
    // Nothing is read or written when no webhook wants the event (recordMemberships).
    await this.events.recordMemberships(
      "subscriber.subscribed",
      memberships
        .filter((m) => isSubscription(m.status))
        .map((m) => ({
          listId: m.list_id,
          subscriberId: m.subscriber_id,
          extra: { status: m.status, source: m.source },
        })),
      options.now,
    );
    return counts;
  }

  /** One page of memberships in a stable order, for streaming exports without loading them all. */
  membersAfter(
    cursor: { listId: number; subscriberId: number } | undefined,
    limit: number,
    listId?: number,
  ): Promise<(MemberRow & { list_id: number })[]> {
    let query = this.#memberships(listId);
    if (cursor) {
      query = query.where((eb) =>
        eb.or([
          eb("memberships.list_id", ">", cursor.listId),
          eb.and([
            eb("memberships.list_id", "=", cursor.listId),
            eb("memberships.subscriber_id", ">", cursor.subscriberId),
          ]),
        ]),
      );
    }
    return query
      .orderBy("memberships.list_id")
      .orderBy("memberships.subscriber_id")
      .limit(limit)
      .execute();
  }

  /** Memberships that came from `source` (e.g. the subscribers file), as email and list id. */
  bySource(source: string): Promise<{ email: string; list_id: number; subscriber_id: number }[]> {
    return this.db
      .selectFrom("memberships")
      .innerJoin("subscribers", "subscribers.id", "memberships.subscriber_id")
      .select(["subscribers.email", "memberships.list_id", "memberships.subscriber_id"])
      .where("memberships.source", "=", source)
      .execute();
  }

  /** Ends one membership; true when there was one. */
  async removeMembership(listId: number, subscriberId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom("memberships")
      .where("list_id", "=", listId)
      .where("subscriber_id", "=", subscriberId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
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

/**
 * True when a membership created with this status is a subscription: an imported row that
 * starts unsubscribed, bounced or complained (an export read back) is a record, and tells no
 * webhook that somebody subscribed.
 */
function isSubscription(status: MembershipStatus): boolean {
  return status === "active" || status === "pending";
}

const MEMBERSHIP_EVENTS: EventType[] = [
  "subscriber.subscribed",
  "subscriber.confirmed",
  "subscriber.unsubscribed",
  "subscriber.complained",
];

/**
 * The event a membership change makes: pending → active is a confirmation; a return from
 * unsubscribed is a new subscription; unsubscribed and complained are themselves. A bounce is
 * told by the delivery that bounced (subscriber.bounced), not by the membership.
 */
function membershipEvent(from: MembershipStatus, to: MembershipStatus): EventType | undefined {
  if (from === to) return undefined;
  if (to === "active" && from === "pending") return "subscriber.confirmed";
  if ((to === "active" || to === "pending") && from === "unsubscribed")
    return "subscriber.subscribed";
  if (to === "unsubscribed") return "subscriber.unsubscribed";
  if (to === "complained") return "subscriber.complained";
  return undefined;
}
