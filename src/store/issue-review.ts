import type { Kysely } from "kysely";
import { GazetteError } from "../shared/errors.js";
import type { Database } from "./tables.js";

/** What editors do to a draft before it goes out: approve, discard, reorder, write the intro. */
export class IssueReviewRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async approve(issueId: number, now: Date): Promise<void> {
    await this.db
      .updateTable("issues")
      .set({ approved_at: now.toISOString() })
      .where("id", "=", issueId)
      .execute();
  }

  async setIntro(issueId: number, intro: string | null): Promise<void> {
    await this.db.updateTable("issues").set({ intro }).where("id", "=", issueId).execute();
  }

  /**
   * Throws a draft away: the issue and its article list are deleted, so its articles go back to
   * the pool and the next compose may take them (and the number) again. Only drafts: an issue
   * whose send has started has deliveries that must stay accountable.
   */
  async discard(issueId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const issue = await trx
        .selectFrom("issues")
        .select(["status", "number"])
        .where("id", "=", issueId)
        .executeTakeFirst();
      if (issue?.status !== "draft") {
        throw new GazetteError(
          "USAGE",
          `issue #${issue?.number ?? "?"} is ${issue?.status ?? "missing"}; only a draft can be discarded`,
        );
      }
      await trx.deleteFrom("issue_articles").where("issue_id", "=", issueId).execute();
      await trx.deleteFrom("issues").where("id", "=", issueId).execute();
    });
  }

  /**
   * Puts the issue's cards in the given order; the ids must be exactly the issue's cards (the
   * "Also published" lines and merged stories keep their places after them).
   */
  async reorder(issueId: number, articleIds: number[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("issue_articles")
        .select("article_id")
        .where("issue_id", "=", issueId)
        .where("kind", "=", "card")
        .execute();
      const current = new Set(rows.map((row) => row.article_id));
      const isSameSet =
        articleIds.length === current.size && articleIds.every((id) => current.has(id));
      if (!isSameSet) {
        throw new GazetteError(
          "USAGE",
          `the new order must list each of the issue's articles once: ${[...current].join(",")}`,
        );
      }
      for (const [position, articleId] of articleIds.entries()) {
        await trx
          .updateTable("issue_articles")
          .set({ position })
          .where("issue_id", "=", issueId)
          .where("article_id", "=", articleId)
          .execute();
      }
    });
  }
}
