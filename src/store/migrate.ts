import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from "kysely";
import { GazetteError } from "../shared/errors.js";
import * as initial from "./migrations/001-initial.js";
import * as feedHealth from "./migrations/002-feed-health.js";
import * as articleOverrides from "./migrations/003-article-overrides.js";
import * as deliveryRetries from "./migrations/005-delivery-retries.js";
import * as audience from "./migrations/006-audience.js";
import * as scheduleSlots from "./migrations/007-schedule-slots.js";
import * as issueReview from "./migrations/008-issue-review.js";
import * as itemFingerprint from "./migrations/009-item-fingerprint.js";
import * as workLeases from "./migrations/010-work-leases.js";
import * as summaryQuality from "./migrations/011-summary-quality.js";
import * as subscriberIdentity from "./migrations/012-subscriber-identity.js";
import * as issueCancel from "./migrations/013-issue-cancel.js";
import * as issueStories from "./migrations/015-issue-stories.js";
import * as mailEvents from "./migrations/016-mail-events.js";
import * as events from "./migrations/019-events.js";
import * as consentMailbox from "./migrations/020-consent-mailbox.js";

// Migrations are imported statically (not read from a folder) so the compiled CLI and the tests
// run the same list, in this order.
const MIGRATIONS: Record<string, Migration> = {
  "001-initial": initial,
  "002-feed-health": feedHealth,
  "003-article-overrides": articleOverrides,
  "005-delivery-retries": deliveryRetries,
  "006-audience": audience,
  "007-schedule-slots": scheduleSlots,
  "008-issue-review": issueReview,
  "009-item-fingerprint": itemFingerprint,
  "010-work-leases": workLeases,
  "011-summary-quality": summaryQuality,
  "012-subscriber-identity": subscriberIdentity,
  "013-issue-cancel": issueCancel,
  "015-issue-stories": issueStories,
  "016-mail-events": mailEvents,
  "019-events": events,
  "020-consent-mailbox": consentMailbox,
};

/**
 * Brings the database to the newest schema; safe to call on every start. `before` stops short of
 * that migration and the ones after it (tests of a migration's data changes).
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  schema?: string,
  options: { before?: string } = {},
): Promise<string[]> {
  const { before } = options;
  const wanted = Object.fromEntries(
    Object.entries(MIGRATIONS).filter(([name]) => !before || name < before),
  );
  if (await isMigrated(db, schema, Object.keys(wanted))) return [];
  const provider: MigrationProvider = { getMigrations: async () => wanted };
  const migrator = new Migrator({
    db,
    provider,
    // PostgreSQL: Kysely looks its bookkeeping tables up by schema; without naming ours it finds
    // another schema's tables (the tests run many side by side) and then misses its own.
    ...(schema ? { migrationTableSchema: schema } : {}),
    migrationTableName: "gazette_migrations",
    migrationLockTableName: "gazette_migrations_lock",
    // Migrations from parallel branches may land in any order; each one stands on its own.
    allowUnorderedMigrations: true,
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's migrator looks its tables up among every schema's: a schema, table or column that
  // another store drops at that moment fails the lookup, not our migration (no migration ran:
  // none reports an error). Look again; nothing of ours has been written yet.
  for (let retry = 0; retry < 3 && isLookupRace(error, results); retry++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new GazetteError("STORE_FAILED", `migration ${failed} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Whether the store's record of migrations lists exactly `names`: then there is nothing to do, and
 * every command but the first after an upgrade skips Kysely's migrator, which reads the columns
 * of every table and takes its lock before it finds that out (issue 17 §6: some 10 ms of
 * `gazette status`). Any doubt (no record yet, a failed lookup, another list) is the migrator's.
 */
async function isMigrated(
  db: Kysely<unknown>,
  schema: string | undefined,
  names: string[],
): Promise<boolean> {
  const table = sql.table(schema ? `${schema}.gazette_migrations` : "gazette_migrations");
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const done = new Set(rows.map((row) => row.name));
    return done.size === names.length && names.every((name) => done.has(name));
  } catch {
    return false;
  }
}

// PostgreSQL: undefined schema, table or column, raised while no migration had run.
const VANISHED = new Set(["3F000", "42P01", "42703"]);

function isLookupRace(error: unknown, results: MigrationResult[] | undefined): boolean {
  if (!error || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === "string" &&
    VANISHED.has(code) &&
    !results?.some((result) => result.status === "Error")
  );
}
