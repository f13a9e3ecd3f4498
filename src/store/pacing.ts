import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";
import type { Database } from "./tables.js";

/**
 * Send times handed out from one row per limit (`send_pacing`), so that a rate holds across every
 * worker on every machine: each reservation moves the row's next free slot one interval on.
 */
export class PacingRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Reserves the next slot of `name`, `intervalMs` after the one before and never before `nowMs`;
   * returns its time (epoch ms). One UPDATE … RETURNING: atomic on both dialects.
   */
  async reserve(name: string, intervalMs: number, nowMs: number): Promise<number> {
    await this.db
      .insertInto("send_pacing")
      .values({ name, next_at: nowMs })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const later = isPostgres(this.db as Kysely<unknown>)
      ? sql<number>`greatest(next_at, ${nowMs})`
      : sql<number>`max(next_at, ${nowMs})`;
    const row = await this.db
      .updateTable("send_pacing")
      .set({ next_at: sql<number>`${later} + ${Math.ceil(intervalMs)}` })
      .where("name", "=", name)
      .returning("next_at")
      .executeTakeFirstOrThrow();
    return Number(row.next_at) - Math.ceil(intervalMs);
  }
}
