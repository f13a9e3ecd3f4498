import type { Kysely, Selectable } from "kysely";
import type { ArticleEdit } from "../review/ports.js";
import type { ArticleOverridesTable, Database } from "./tables.js";

export type OverrideRow = Selectable<ArticleOverridesTable>;

/** What an editor sets (the review's ArticleEdit): a field left out keeps its override, null clears it. */
export type OverrideInput = ArticleEdit;

/** An editor's corrections to articles: they win over every enrichment, re-runs included. */
export class OverrideRepo {
  constructor(private readonly db: Kysely<Database>) {}

  of(articleId: number): Promise<OverrideRow | undefined> {
    return this.db
      .selectFrom("article_overrides")
      .selectAll()
      .where("article_id", "=", articleId)
      .executeTakeFirst();
  }

  /** Sets the given fields, keeping the others. */
  async edit(articleId: number, input: OverrideInput, now: Date): Promise<void> {
    const fields = {
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      ...(input.why !== undefined ? { why: input.why } : {}),
      ...(input.tags !== undefined
        ? { tags: input.tags === null ? null : JSON.stringify(input.tags) }
        : {}),
      updated_at: now.toISOString(),
    };
    await this.upsert(articleId, fields);
  }

  /** Keeps the article out of every issue not yet sent (or, with `false`, lets it back in). */
  async setDropped(articleId: number, isDropped: boolean, now: Date): Promise<void> {
    await this.upsert(articleId, { dropped: isDropped ? 1 : 0, updated_at: now.toISOString() });
  }

  /** Removes every correction of the article. */
  async clear(articleId: number): Promise<void> {
    await this.db.deleteFrom("article_overrides").where("article_id", "=", articleId).execute();
  }

  private async upsert(
    articleId: number,
    fields: Partial<Omit<OverrideRow, "article_id">> & { updated_at: string },
  ): Promise<void> {
    await this.db
      .insertInto("article_overrides")
      .values({ article_id: articleId, dropped: 0, ...fields })
      .onConflict((oc) => oc.column("article_id").doUpdateSet(fields))
      .execute();
  }
}
