import type { Kysely } from "kysely";
import type { Database } from "../tables.js";
import { describeMerges } from "./describe-merges.js";
import { mergeDuplicateSubscribers } from "./merge-duplicate-subscribers.js";

// One subscriber, one identity (issue 14): `ALICE@example.org` and `alice@example.org` were two
// subscribers, so Alice got every issue twice and an import in another case re-subscribed someone
// who had left. From here on:
// - subscribers.email_key: the address's identity (audience/email-address.ts emailKey: composed,
//   lowercased), unique; subscribers.email keeps the address as first written, for display;
// - suppressions.email holds the key too, so a suppression covers every spelling;
// - subscriber_aliases: the ids merged away, each pointing to the subscriber that absorbed it, so
//   the unsubscribe and preferences links already sent to a merged address keep working.
// Existing duplicates are merged (see mergeDuplicateSubscribers); what was merged is left as a
// notice in settings that the CLI prints once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("subscribers").addColumn("email_key", "text").execute();
  await db.schema
    .createTable("subscriber_aliases")
    .addColumn("subscriber_id", "integer", (c) => c.primaryKey())
    .addColumn("survivor_id", "integer", (c) => c.notNull().references("subscribers.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("merged_at", "text", (c) => c.notNull())
    .execute();
  // SQLite migrations run outside a transaction (Kysely: no transactional DDL there); the merge
  // must be all or nothing on both.
  const store = db as unknown as Kysely<Database>;
  const merge = async (trx: Kysely<Database>) => {
    const report = await mergeDuplicateSubscribers(trx, new Date());
    const notice = describeMerges(report);
    if (notice)
      await trx.insertInto("settings").values({ key: NOTICE_KEY, value: notice }).execute();
  };
  if (store.isTransaction) await merge(store);
  else await store.transaction().execute(merge);
  await db.schema
    .createIndex("subscribers_identity")
    .on("subscribers")
    .column("email_key")
    .unique()
    .execute();
}

const NOTICE_KEY = "notice:012-subscriber-identity";
