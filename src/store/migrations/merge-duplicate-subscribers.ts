import type { Kysely } from "kysely";
import { emailKey } from "../../audience/index.js";
import type { Database, DeliveryStatus, MembershipStatus } from "../tables.js";

/** One group of subscribers whose addresses differ only in case, merged into the first. */
export interface MergedGroup {
  survivor: { id: number; email: string };
  merged: { id: number; email: string }[];
  /** The survivor's memberships after the merge, "list: status". */
  memberships: string[];
}

export interface MergeReport {
  groups: MergedGroup[];
  /** Delivery rows of an issue both copies had: one kept, these dropped. */
  deliveriesDropped: number;
  /** Suppressions of one address in several spellings, folded into one. */
  suppressionsFolded: number;
}

type Subscriber = { id: number; email: string; name: string | null };

// Most restrictive first wins a merge: a complaint, a bounce or an unsubscribe is never undone
// by a second spelling that is still active.
const MEMBERSHIP_RANK: Record<MembershipStatus, number> = {
  pending: 0,
  active: 1,
  unsubscribed: 2,
  bounced: 3,
  complained: 4,
};
// Of two rows for one issue, keep the one furthest along: a sent row stops the issue going out
// again, a pending pair sends it once.
const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  skipped: 0,
  pending: 1,
  sending: 2,
  failed: 3,
  bounced: 4,
  sent: 5,
};

/**
 * Gives every subscriber its email_key, merges the subscribers that share one into the first
 * written (lowest id), and folds the suppressions of one address into one keyed row. Order:
 * keys → merges (memberships, deliveries, consents, name, alias, delete) → suppressions.
 */
export async function mergeDuplicateSubscribers(
  db: Kysely<Database>,
  now: Date,
): Promise<MergeReport> {
  const report: MergeReport = { groups: [], deliveriesDropped: 0, suppressionsFolded: 0 };
  for (const group of await groupByKey(db)) {
    const [survivor, ...others] = group as [Subscriber, ...Subscriber[]];
    for (const other of others) {
      await moveMemberships(db, other.id, survivor.id);
      report.deliveriesDropped += await moveDeliveries(db, other.id, survivor);
      await absorb(db, survivor, other, now);
    }
    const memberships = await db
      .selectFrom("memberships")
      .innerJoin("lists", "lists.id", "memberships.list_id")
      .select(["lists.slug", "memberships.status"])
      .where("memberships.subscriber_id", "=", survivor.id)
      .orderBy("lists.slug")
      .execute();
    report.groups.push({
      survivor: { id: survivor.id, email: survivor.email },
      merged: others.map(({ id, email }) => ({ id, email })),
      memberships: memberships.map((m) => `${m.slug}: ${m.status}`),
    });
  }
  report.suppressionsFolded = await foldSuppressions(db);
  return report;
}

/** Sets every email_key; returns the groups of subscribers sharing one, in id order. */
async function groupByKey(db: Kysely<Database>): Promise<Subscriber[][]> {
  // lower() in SQL for the bulk; emailKey decides (composition, non-ASCII case) row by row.
  await db
    .updateTable("subscribers")
    .set((eb) => ({ email_key: eb.fn<string>("lower", ["email"]) }))
    .execute();
  const rows = await db
    .selectFrom("subscribers")
    .select(["id", "email", "name", "email_key"])
    .orderBy("id")
    .execute();
  const groups = new Map<string, Subscriber[]>();
  for (const row of rows) {
    const key = emailKey(row.email);
    if (key !== row.email_key)
      await db
        .updateTable("subscribers")
        .set({ email_key: key })
        .where("id", "=", row.id)
        .execute();
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** Moves `from`'s memberships to `to`; on a list both are on, the stricter status wins. */
async function moveMemberships(db: Kysely<Database>, from: number, to: number): Promise<void> {
  const theirs = await db
    .selectFrom("memberships")
    .selectAll()
    .where("subscriber_id", "=", from)
    .execute();
  for (const membership of theirs) {
    const mine = await db
      .selectFrom("memberships")
      .selectAll()
      .where("list_id", "=", membership.list_id)
      .where("subscriber_id", "=", to)
      .executeTakeFirst();
    const row = db
      .updateTable("memberships")
      .where("list_id", "=", membership.list_id)
      .where("subscriber_id", "=", mine ? to : from);
    if (!mine) {
      await row.set({ subscriber_id: to }).execute();
      continue;
    }
    const isStricter = MEMBERSHIP_RANK[membership.status] > MEMBERSHIP_RANK[mine.status];
    await row
      .set({
        status: isStricter ? membership.status : mine.status,
        topics: mine.topics ?? membership.topics,
        created_at: [mine.created_at, membership.created_at].sort()[0] ?? mine.created_at,
        updated_at: [mine.updated_at, membership.updated_at].sort()[1] ?? mine.updated_at,
      })
      .execute();
    await db
      .deleteFrom("memberships")
      .where("list_id", "=", membership.list_id)
      .where("subscriber_id", "=", from)
      .execute();
  }
}

/**
 * Moves `from`'s delivery rows to `to`; returns how many were dropped (issue × subscriber). A row
 * still to send goes to the survivor's address; a settled one keeps the address it went to.
 */
async function moveDeliveries(db: Kysely<Database>, from: number, to: Subscriber): Promise<number> {
  const theirs = await db
    .selectFrom("deliveries")
    .select(["id", "issue_id", "status"])
    .where("subscriber_id", "=", from)
    .execute();
  let dropped = 0;
  for (const delivery of theirs) {
    const mine = await db
      .selectFrom("deliveries")
      .select(["id", "status"])
      .where("issue_id", "=", delivery.issue_id)
      .where("subscriber_id", "=", to.id)
      .executeTakeFirst();
    if (mine) {
      dropped++;
      const isFurther = DELIVERY_RANK[delivery.status] > DELIVERY_RANK[mine.status];
      await db
        .deleteFrom("deliveries")
        .where("id", "=", isFurther ? mine.id : delivery.id)
        .execute();
      if (!isFurther) continue;
    }
    const isUnsent = delivery.status === "pending" || delivery.status === "sending";
    await db
      .updateTable("deliveries")
      .set({ subscriber_id: to.id, ...(isUnsent ? { email: to.email } : {}) })
      .where("id", "=", delivery.id)
      .execute();
  }
  return dropped;
}

/** Moves `other`'s consents and name to `survivor`, records the alias, deletes `other`. */
async function absorb(
  db: Kysely<Database>,
  survivor: Subscriber,
  other: Subscriber,
  now: Date,
): Promise<void> {
  await db
    .updateTable("consents")
    .set({ subscriber_id: survivor.id })
    .where("subscriber_id", "=", other.id)
    .execute();
  if (survivor.name === null && other.name !== null) {
    survivor.name = other.name;
    await db
      .updateTable("subscribers")
      .set({ name: other.name })
      .where("id", "=", survivor.id)
      .execute();
  }
  await db
    .insertInto("subscriber_aliases")
    .values({
      subscriber_id: other.id,
      survivor_id: survivor.id,
      email: other.email,
      merged_at: now.toISOString(),
    })
    .execute();
  await db.deleteFrom("subscribers").where("id", "=", other.id).execute();
}

/** Keys every suppression; of several rows for one key the oldest (and its reason) stays. */
async function foldSuppressions(db: Kysely<Database>): Promise<number> {
  const rows = await db.selectFrom("suppressions").selectAll().orderBy("created_at").execute();
  const kept = new Map<string, string>();
  let folded = 0;
  for (const row of rows) {
    const key = emailKey(row.email);
    if (kept.has(key)) {
      folded++;
      await db.deleteFrom("suppressions").where("email", "=", row.email).execute();
    } else kept.set(key, row.email);
  }
  for (const [key, email] of kept)
    if (key !== email)
      await db.updateTable("suppressions").set({ email: key }).where("email", "=", email).execute();
  return folded;
}
