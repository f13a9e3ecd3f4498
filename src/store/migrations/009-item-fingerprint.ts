import type { Kysely } from "kysely";

// feeds.item_fingerprints: JSON array of the fingerprints of the items the feed carried at its
// last successful fetch (see readFeed). An item whose fingerprint is listed is unchanged since
// then: collect identifies it without sanitizing and converting its content again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("feeds").addColumn("item_fingerprints", "text").execute();
}
