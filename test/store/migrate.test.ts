import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import { openSqlite } from "../../src/store/open-database.js";

// Every command opens the store, and so migrates it: an up-to-date store is opened with one read
// of its record of migrations (issue 17 §6), a store behind is migrated.
describe("opening the store", () => {
  it("migrates a store one migration short, then opens it up to date without writing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-migrate-"));
    const file = path.join(dir, "gazette.db");
    const old = openSqlite(file);
    await migrateToLatest(old as Kysely<unknown>, undefined, { before: "019-events" });
    await old.destroy();

    await (await openStore(dir)).close();
    const watcher = new Database(file);
    const names = watcher.prepare("select name from gazette_migrations").pluck().all();
    expect(names).toContain("019-events");
    expect(watcher.prepare("select count(*) from events").pluck().get()).toBe(0);

    // data_version changes when another connection commits a write (SQLite: PRAGMA data_version).
    const version = () => watcher.pragma("data_version", { simple: true });
    const before = version();
    await (await openStore(dir)).close();
    expect(version()).toBe(before);
    watcher.close();
  });
});
