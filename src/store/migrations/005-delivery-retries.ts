import type { Kysely } from "kysely";

// Kysely's schema builder only, so the same migration serves SQLite and PostgreSQL.

/** Retry times on deliveries, a pause flag on issues, and the global suppression list. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A transient failure puts the row back to pending with the time it may be tried again.
  await db.schema.alterTable("deliveries").addColumn("next_attempt_at", "text").execute();
  // Set by `gazette send --pause`; a running sender stops at its next batch.
  await db.schema.alterTable("issues").addColumn("paused_at", "text").execute();
  await db.schema
    .createTable("suppressions")
    .addColumn("email", "text", (c) => c.primaryKey())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
