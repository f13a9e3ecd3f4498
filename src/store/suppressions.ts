import type { Kysely, Selectable } from "kysely";
import { emailKey } from "../audience/index.js";
import type { Database, SuppressionsTable } from "./tables.js";

export type SuppressionRow = Selectable<SuppressionsTable>;

/**
 * The global suppression list: addresses that no list sends to, whatever their memberships. Rows
 * are keyed by emailKey, so every spelling of an address is suppressed and finds its row.
 */
export class SuppressionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Suppresses the address; an address already suppressed keeps its first reason. */
  async add(email: string, reason: string, now: Date, source = "operator"): Promise<boolean> {
    const result = await this.db
      .insertInto("suppressions")
      .values({ email: emailKey(email), reason, source, created_at: now.toISOString() })
      .onConflict((oc) => oc.column("email").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async remove(email: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("suppressions")
      .where("email", "=", emailKey(email))
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  byEmail(email: string): Promise<SuppressionRow | undefined> {
    return this.db
      .selectFrom("suppressions")
      .selectAll()
      .where("email", "=", emailKey(email))
      .executeTakeFirst();
  }

  /** How many addresses each source suppressed (null: before sources were recorded). */
  async countsBySource(): Promise<{ source: string | null; count: number }[]> {
    const rows = await this.db
      .selectFrom("suppressions")
      .select(["source", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("source")
      .orderBy("source")
      .execute();
    return rows.map((row) => ({ source: row.source, count: Number(row.count) }));
  }

  all(): Promise<SuppressionRow[]> {
    return this.db.selectFrom("suppressions").selectAll().orderBy("email").execute();
  }
}
