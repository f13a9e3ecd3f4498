import type { Kysely } from "kysely";

// An editor's corrections to an article, kept apart from enrichments so that re-running enrich
// (a new summarizer, changed content, --force) never overwrites them. A null field means "use
// the enrichment's"; `dropped` (0 or 1) keeps the article out of issues not yet sent.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("article_overrides")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id"))
    .addColumn("summary", "text")
    .addColumn("why", "text")
    .addColumn("tags", "text")
    .addColumn("dropped", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
