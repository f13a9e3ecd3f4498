import type { Kysely } from "kysely";
import { idColumn } from "./columns.js";

// What comes back from the mail: bounces, complaints and unsubscribes, whatever their route (the
// bounce mailbox, a mailto unsubscribe, an email service's webhook, a link). One row per event;
// event_key (route + the event's own id, e.g. the DSN's Message-ID) makes a second reading of the
// same message a no-op. Suppressions gain the source that caused them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("mail_events")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("event_key", "text", (c) => c.unique())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    // emailKey of the address the event is about; null when nothing named one.
    .addColumn("email", "text")
    .addColumn("delivery_id", "integer")
    .addColumn("list_id", "integer")
    .addColumn("status", "text")
    .addColumn("detail", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_events_email").on("mail_events").column("email").execute();
  await db.schema
    .createIndex("mail_events_delivery")
    .on("mail_events")
    .column("delivery_id")
    .execute();
  await db.schema.alterTable("suppressions").addColumn("source", "text").execute();
}
