import type { Kysely } from "kysely";

// A way out of any stuck send (issue 14): `gazette issue cancel N` stops an issue for good and
// records when and why; its rows not yet sent are settled as skipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("issues").addColumn("cancelled_at", "text").execute();
  await db.schema.alterTable("issues").addColumn("cancel_reason", "text").execute();
}
