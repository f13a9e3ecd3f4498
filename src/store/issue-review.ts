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
   * Stops an issue for good (`gazette issue cancel`): a draft or a send in progress becomes
   * `cancelled` with the time and the reason, and its rows not yet sent are settled as skipped
   * with the reason, so no sender claims them and every count adds up. A message already on the
   * wire may still be marked sent by its sender. Returns the rows sent before and skipped now.
   */
  async cancel(
    issueId: number,
    reason: string,
    now: Date,
  ): Promise<{ sent: number; skipped: number }> {
    return this.db.transaction().execute(async (trx) => {
      const issue = await trx
        .selectFrom("issues")
        .select(["status", "number"])
        .where("id", "=", issueId)
        .executeTakeFirst();
      if (issue?.status !== "draft" && issue?.status !== "sending") {
        throw new GazetteError(
          "USAGE",
          `issue #${issue?.number ?? "?"} is ${issue?.status ?? "missing"}; only a draft or an issue being sent can be cancelled`,
        );
      }
      const at = now.toISOString();
      const skipped = await trx
        .updateTable("deliveries")
        .set({
          status: "skipped",
          error: `issue cancelled: ${reason}`,
          lease_until: null,
          updated_at: at,
        })
        .where("issue_id", "=", issueId)
        .where("status", "in", ["pending", "sending"])
        .executeTakeFirst();
      await trx
        .updateTable("issues")
        .set({ status: "cancelled", cancelled_at: at, cancel_reason: reason })
        .where("id", "=", issueId)
        .execute();
      const sent = await trx
        .selectFrom("deliveries")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("issue_id", "=", issueId)
        .where("status", "=", "sent")
        .executeTakeFirst();
      return { sent: Number(sent?.count ?? 0), skipped: Number(skipped.numUpdatedRows) };
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
        .orderBy("position")
        .execute();
      // Named in the order the editor sees them (`issue show`), so the list can be copied and edited.
      const current = rows.map((row) => row.article_id);
      // As many ids as cards, and every card among them: each card once ("7,7,9" used to pass).
      const given = new Set(articleIds);
      const isEachOnce =
        articleIds.length === current.length && current.every((id) => given.has(id));
      if (!isEachOnce) {
        throw new GazetteError(
          "USAGE",
          `the new order must list each of the issue's articles once; in their current order: ${current.join(",")}`,
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
