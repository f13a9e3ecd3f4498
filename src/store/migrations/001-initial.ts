import type { Kysely } from "kysely";
import { idColumn } from "./columns.js";

// Written with Kysely's schema builder only, so the same migration serves SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("feeds")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("name", "text")
    .addColumn("title", "text")
    .addColumn("site_url", "text")
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("last_fetched_at", "text")
    .addColumn("last_status", "text")
    .addColumn("last_error", "text")
    .addColumn("consecutive_errors", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("item_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("articles")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("feed_id", "integer", (c) => c.notNull().references("feeds.id"))
    .addColumn("canonical_url", "text", (c) => c.notNull().unique())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("guid", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("author", "text")
    .addColumn("published_at", "text")
    .addColumn("first_seen_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("content_html", "text", (c) => c.notNull())
    .addColumn("content_text", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("articles_feed_seen")
    .on("articles")
    .columns(["feed_id", "first_seen_at"])
    .execute();

  await db.schema
    .createTable("enrichments")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id"))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("summarizer", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("why", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("read_minutes", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("enrichments_identity", ["article_id", "content_hash", "summarizer"])
    .execute();

  await db.schema
    .createTable("lists")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("subscribers")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("list_id", "integer", (c) => c.notNull().references("lists.id"))
    .addColumn("subscriber_id", "integer", (c) => c.notNull().references("subscribers.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["list_id", "subscriber_id"])
    .execute();

  await db.schema
    .createTable("issues")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("list_id", "integer", (c) => c.notNull().references("lists.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("issues_number", ["list_id", "number"])
    .addUniqueConstraint("issues_period", ["list_id", "period_start"])
    .execute();

  await db.schema
    .createTable("issue_articles")
    .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("issue_articles_pk", ["issue_id", "article_id"])
    .execute();

  await db.schema
    .createTable("deliveries")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id"))
    .addColumn("subscriber_id", "integer", (c) => c.notNull().references("subscribers.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("smtp_response", "text")
    .addColumn("error", "text")
    .addColumn("lease_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("deliveries_identity", ["issue_id", "subscriber_id"])
    .execute();
  await db.schema
    .createIndex("deliveries_issue_status")
    .on("deliveries")
    .columns(["issue_id", "status"])
    .execute();

  await db.schema
    .createTable("runs")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("command", "text", (c) => c.notNull())
    .addColumn("list_slug", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("report", "text")
    .execute();
}
