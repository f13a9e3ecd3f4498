import type { Kysely } from "kysely";

// What the summarizer learnt about an article and how sure it is of its entry:
// - articles.language: the article's language (ISO 639-1, e.g. "en"), detected offline at enrich
//   time; null until then, or when the text is too short to tell;
// - enrichments.method: how the summary and why were chosen, e.g. "thesis+outcome", "fallback";
// - enrichments.confidence: 0–1, how sure the summarizer is that the entry reads well. Compose
//   prefers confident entries; the preview marks the others for the editor;
// - enrichments.sources: JSON {"summary": string[], "why": string[]}, the article's own sentences
//   (as they stand in its text, before any rewrite) that each field was made from: the email links
//   each to its passage with a text fragment. Null when unknown (old rows, model-written fields).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("language", "text").execute();
  await db.schema.alterTable("enrichments").addColumn("method", "text").execute();
  await db.schema.alterTable("enrichments").addColumn("confidence", "real").execute();
  await db.schema.alterTable("enrichments").addColumn("sources", "text").execute();
}
