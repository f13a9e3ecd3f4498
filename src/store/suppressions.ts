import type { Kysely, Selectable } from "kysely";
import type { Database, SuppressionsTable } from "./tables.js";

export type SuppressionRow = Selectable<SuppressionsTable>;

/** The global suppression list: addresses that no list sends to, whatever their memberships. */
export class SuppressionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Suppresses the address; an address already suppressed keeps its first reason. */
  async add(email: string, reason: string, now: Date): Promise<void> {
    await this.db
      .insertInto("suppressions")
      .values({ email, reason, created_at: now.toISOString() })
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();
  }

  async remove(email: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("suppressions")
      .where("email", "=", email)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  byEmail(email: string): Promise<SuppressionRow | undefined> {
    return this.db
      .selectFrom("suppressions")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst();
  }

  all(): Promise<SuppressionRow[]> {
    return this.db.selectFrom("suppressions").selectAll().orderBy("email").execute();
  }
}
