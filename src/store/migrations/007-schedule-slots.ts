import type { Kysely } from "kysely";

// One row per (list, cron slot): the lease that makes a slot run once, whatever fires it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("schedule_slots")
    .addColumn("list_slug", "text", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addColumn("lease_until", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("schedule_slots_pk", ["list_slug", "slot"])
    .execute();
}
