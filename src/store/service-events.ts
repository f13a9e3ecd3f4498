import type { Kysely } from "kysely";
import type { Database, ServiceEventKind } from "./tables.js";

/** One event an email service reported about one recipient of one message. */
export interface ServiceEventInput {
  service: string;
  /** Unique per service: the service's event id, or message id × kind × recipient. */
  eventKey: string;
  kind: ServiceEventKind;
  recipient: string;
  deliveryId: number | null;
  serviceMessageId: string | null;
  detail: string;
  occurredAt: Date;
  receivedAt: Date;
}

/** The events email services posted to `gazette serve`, and the requests refused. */
export class ServiceEventRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records the event once; false when it was recorded before (a retry or a replay). */
  async record(input: ServiceEventInput): Promise<boolean> {
    const result = await this.db
      .insertInto("service_events")
      .values({
        service: input.service,
        event_key: input.eventKey,
        kind: input.kind,
        recipient: input.recipient,
        delivery_id: input.deliveryId,
        service_message_id: input.serviceMessageId,
        detail: input.detail.slice(0, 1000),
        occurred_at: input.occurredAt.toISOString(),
        received_at: input.receivedAt.toISOString(),
      })
      .onConflict((oc) => oc.columns(["service", "event_key"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Counts a refused request. */
  async reject(service: string, reason: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .insertInto("service_event_rejections")
      .values({ service, reason, count: 1, last_at: at })
      .onConflict((oc) =>
        oc.columns(["service", "reason"]).doUpdateSet((eb) => ({
          count: eb("service_event_rejections.count", "+", 1),
          last_at: at,
        })),
      )
      .execute();
  }

  /** Refused requests per service and reason. */
  async rejections(): Promise<
    { service: string; reason: string; count: number; last_at: string }[]
  > {
    const rows = await this.db
      .selectFrom("service_event_rejections")
      .selectAll()
      .orderBy("service")
      .orderBy("reason")
      .execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** Recorded events per service and kind. */
  async counts(): Promise<{ service: string; kind: ServiceEventKind; count: number }[]> {
    const rows = await this.db
      .selectFrom("service_events")
      .select(["service", "kind", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy(["service", "kind"])
      .orderBy("service")
      .orderBy("kind")
      .execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }
}
