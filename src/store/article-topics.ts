import type { Kysely } from "kysely";
import { readStringArray } from "./json.js";
import type { Database } from "./tables.js";

/** The topics compose filters on: each article's enrichment category and tags. */
export class ArticleTopicRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Category and tags of each article's enrichment for its current content (any summarizer). */
  async of(articleIds: number[]): Promise<Map<number, string[]>> {
    const topics = new Map<number, string[]>();
    for (let i = 0; i < articleIds.length; i += 500) {
      const rows = await this.db
        .selectFrom("enrichments")
        .innerJoin("articles", (join) =>
          join
            .onRef("articles.id", "=", "enrichments.article_id")
            .onRef("articles.content_hash", "=", "enrichments.content_hash"),
        )
        .select(["enrichments.article_id", "enrichments.category", "enrichments.tags"])
        .where("enrichments.article_id", "in", articleIds.slice(i, i + 500))
        .execute();
      for (const row of rows) {
        const known = topics.get(row.article_id) ?? [];
        topics.set(row.article_id, [...known, row.category, ...readStringArray(row.tags)]);
      }
    }
    return topics;
  }
}
