import { type Kysely, sql } from "kysely";

// Feed health and article identity (schema builder only, so SQLite and PostgreSQL share it).
// feeds.current_url: where a 301/308 moved the feed; the configured `url` stays its identity.
// articles.feed_hash: the hash of an item as its feed carried it, kept apart from content_hash
// because full-text extraction replaces the content (and so its hash) of excerpt-only items.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("feeds").addColumn("current_url", "text").execute();
  await db.schema.alterTable("feeds").addColumn("next_fetch_at", "text").execute();
  await db.schema.alterTable("feeds").addColumn("retired_at", "text").execute();
  await db.schema.alterTable("feeds").addColumn("max_age_seconds", "integer").execute();

  await db.schema.alterTable("articles").addColumn("image_url", "text").execute();
  await db.schema.alterTable("articles").addColumn("feed_hash", "text").execute();
  await sql`update articles set feed_hash = content_hash`.execute(db);
  await db.schema
    .createIndex("articles_feed_guid")
    .on("articles")
    .columns(["feed_id", "guid"])
    .execute();
  await db.schema
    .createIndex("articles_feed_hash")
    .on("articles")
    .columns(["feed_id", "feed_hash"])
    .execute();
}
