import type { Kysely } from "kysely";
import { idColumn } from "./columns.js";

// Kysely's schema builder only, so the same migration serves SQLite and PostgreSQL.

/** Topic preferences per membership, and the consent records of the signup form. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A JSON array of topics; NULL means "every topic" (the whole issue).
  await db.schema.alterTable("memberships").addColumn("topics", "text").execute();
  // Proof of consent (GDPR art. 7(1)): who asked, when, from where and through which form. The
  // nonce makes the confirmation link single-use: confirmed_at is set once.
  await db.schema
    .createTable("consents")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("subscriber_id", "integer", (c) => c.notNull().references("subscribers.id"))
    .addColumn("list_id", "integer", (c) => c.notNull().references("lists.id"))
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .execute();
  await db.schema
    .createIndex("consents_subscriber")
    .on("consents")
    .columns(["subscriber_id", "list_id"])
    .execute();
}
