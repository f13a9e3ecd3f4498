import type { Kysely, Selectable } from "kysely";
import type { Database, RunsTable } from "./tables.js";

export type RunRow = Selectable<RunsTable>;

/** The run log behind `gazette status`, and the store's small key/value settings. */
export class RunRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async start(command: string, listSlug: string | null, now: Date): Promise<number> {
    const row = await this.db
      .insertInto("runs")
      .values({ command, list_slug: listSlug, started_at: now.toISOString(), status: "running" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async finish(id: number, status: RunRow["status"], report: unknown, now: Date): Promise<void> {
    await this.db
      .updateTable("runs")
      .set({ status, finished_at: now.toISOString(), report: JSON.stringify(report) })
      .where("id", "=", id)
      .execute();
  }

  recent(limit: number): Promise<RunRow[]> {
    return this.db.selectFrom("runs").selectAll().orderBy("id", "desc").limit(limit).execute();
  }

  /**
   * Takes the notices a migration left for the operator (settings `notice:<migration>`), in
   * migration order, deleting them: of several processes opening the store, one gets them.
   */
  async takeNotices(): Promise<string[]> {
    const rows = await this.db
      .deleteFrom("settings")
      .where("key", "like", "notice:%")
      .returning(["key", "value"])
      .execute();
    return rows.sort((a, b) => a.key.localeCompare(b.key)).map((row) => row.value);
  }

  /** Reads a setting, creating it with `make()` the first time (e.g. the signing secret). */
  async setting(key: string, make: () => string): Promise<string> {
    const found = await this.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirst();
    if (found) return found.value;
    await this.db
      .insertInto("settings")
      .values({ key, value: make() })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await this.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    return row.value;
  }
}
