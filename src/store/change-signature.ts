import type { Kysely } from "kysely";
import type { Database } from "./tables.js";

/**
 * A cheap fingerprint of what a preview shows: it changes when an editor edits or drops an
 * article, writes an intro, reorders, approves, composes or discards, and when articles or
 * summaries arrive. Read once a second by the preview's live reload.
 */
export async function changeSignature(db: Kysely<Database>): Promise<string> {
  const overrides = await db
    .selectFrom("article_overrides")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("updated_at").as("at")])
    .executeTakeFirst();
  const latest = await db
    .selectFrom("articles")
    .select((eb) => [eb.fn.max("id").as("article"), eb.fn.max("updated_at").as("at")])
    .executeTakeFirst();
  const enrichment = await db
    .selectFrom("enrichments")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  const issues = await db
    .selectFrom("issues")
    .select(["id", "status", "approved_at", "intro"])
    .where("status", "in", ["draft", "sending"])
    .orderBy("id")
    .execute();
  const positions = await db
    .selectFrom("issue_articles")
    .innerJoin("issues", "issues.id", "issue_articles.issue_id")
    .select(["issue_articles.issue_id", "issue_articles.article_id", "issue_articles.position"])
    .where("issues.status", "in", ["draft", "sending"])
    .orderBy("issue_articles.issue_id")
    .orderBy("issue_articles.position")
    .execute();
  const issueCount = await db
    .selectFrom("issues")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("id").as("id")])
    .executeTakeFirst();
  return JSON.stringify([overrides, latest, enrichment, issues, positions, issueCount]);
}
