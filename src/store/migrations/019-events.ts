import type { Kysely } from "kysely";
import { idColumn } from "./columns.js";

// Issue 18, events in and out:
// - deliveries.service_message_id: the id an email service (SES, Postmark, Resend) gave the
//   message, so its later events (bounce, complaint, delivery) find their row;
// - events: what happened (subscribed, confirmed, unsubscribed, bounced, complained, issue
//   composed, issue sent), recorded only while some webhook wants that kind;
// - webhook_deliveries: one row per event × webhook URL, the outgoing log with its retries;
// (the events email services send are recorded in mail_events, migration 016, like DSNs);
// - service_event_rejections: requests refused (unsigned, forged, replayed, malformed), counted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("deliveries").addColumn("service_message_id", "text").execute();
  await db.schema
    .createIndex("deliveries_service_message")
    .on("deliveries")
    .column("service_message_id")
    .execute();
  await db.schema
    .createTable("events")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("response_status", "integer")
    .addColumn("error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("webhook_deliveries_event_url", ["event_id", "url"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createTable("service_event_rejections")
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("last_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("service_event_rejections_pk", ["service", "reason"])
    .execute();
}
