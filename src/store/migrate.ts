import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { GazetteError } from "../shared/errors.js";
import * as initial from "./migrations/001-initial.js";

// Migrations are imported statically (not read from a folder) so the compiled CLI and the tests
// run the same list, in this order.
const MIGRATIONS: Record<string, Migration> = {
  "001-initial": initial,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the database to the newest schema; safe to call on every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "gazette_migrations",
    migrationLockTableName: "gazette_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new GazetteError("STORE_FAILED", `migration ${failed} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
