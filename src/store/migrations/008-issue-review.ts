import type { Kysely } from "kysely";

// Review before sending: an editor approves a draft (or a hold window passes), and may write
// the issue's own intro.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("issues").addColumn("approved_at", "text").execute();
  await db.schema.alterTable("issues").addColumn("intro", "text").execute();
}
