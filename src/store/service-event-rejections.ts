import type { Kysely } from "kysely";
import type { Database } from "./tables.js";

/** Requests to `gazette serve`'s email-service event endpoints that were refused, counted. */
export class ServiceEventRejectionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Counts a refused request. */
  async add(service: string, reason: string, now: Date): Promise<void> {
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
  async counts(): Promise<{ service: string; reason: string; count: number; last_at: string }[]> {
    const rows = await this.db
      .selectFrom("service_event_rejections")
      .selectAll()
      .orderBy("service")
      .orderBy("reason")
      .execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }
}
