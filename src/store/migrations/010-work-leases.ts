import type { Kysely } from "kysely";

// Many workers (`gazette worker`) share the work through the database itself:
// - send_pacing: one row per rate limit, handing out send times to every worker in turn, so the
//   configured rate holds across all of them (next_at: epoch milliseconds of the next free slot);
// - feeds.lease_until / lease_owner: a worker's claim on a feed it is fetching;
// - articles.enrich_lease_until: a worker's claim on an article it is summarizing.
// A lease that passes (its worker died) makes the row claimable again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("send_pacing")
    .addColumn("name", "text", (column) => column.primaryKey())
    .addColumn("next_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.alterTable("feeds").addColumn("lease_until", "text").execute();
  await db.schema.alterTable("feeds").addColumn("lease_owner", "text").execute();
  await db.schema.alterTable("articles").addColumn("enrich_lease_until", "text").execute();
}
