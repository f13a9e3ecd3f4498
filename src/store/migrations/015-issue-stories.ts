import type { Kysely } from "kysely";

// What each of an issue's articles is in it (issue 16, "one story once"):
// - issue_articles.kind: "card" (shown in full), "also" (a line in "Also published": no summary
//   to show), "merged" (another article on a card's story: an "Also covered by" link) or
//   "repeat" (a story already sent in an earlier issue: not shown, but kept out of the next
//   compose like every article of an issue). Rows from before are cards.
// - issue_articles.story_of: for "merged", the card's article; for "repeat", the earlier one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("issue_articles")
    .addColumn("kind", "text", (column) => column.notNull().defaultTo("card"))
    .execute();
  await db.schema.alterTable("issue_articles").addColumn("story_of", "integer").execute();
}
