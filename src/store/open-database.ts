import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type SqliteDatabase, SqliteDialect, type SqliteStatement } from "kysely";
import { GazetteError } from "../shared/errors.js";
import type { Database } from "./tables.js";

/** Opens (creating if needed) the SQLite database file in WAL mode. */
export function openSqlite(file: string): Kysely<Database> {
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SQLite(file, { nativeBinding: nativeBinding() });
    // WAL lets readers (status, preview) run while a send writes; NORMAL sync is durable in WAL
    // at commit boundaries, which is what the ledger relies on.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // better-sqlite3 raises SQLite's 2 MiB page cache to 16 MiB. A bulk send walks the whole
    // ledger once and would fill all of it with pages it never reads again; 4 MiB holds what is
    // read twice (the batch being claimed and marked), and the OS caches the file anyway.
    sqlite.pragma("cache_size = -4096");
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
  } catch (error) {
    throw new GazetteError("STORE_FAILED", `cannot open database ${file}: ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * better-sqlite3's compiled addon: its path, where npm's install puts it (build/Release, from a
 * prebuilt binary or node-gyp), else the addon as better-sqlite3's own `bindings` finds it among a
 * dozen paths. Always given: by default `bindings` searches on every start, and from the CLI's
 * bundle (scripts/bundle-cli.ts holds better-sqlite3's JavaScript) it would search gazette's folder.
 */
function nativeBinding(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve("better-sqlite3/build/Release/better_sqlite3.node");
  } catch {
    const root = path.dirname(require.resolve("better-sqlite3/package.json"));
    const bindings = createRequire(path.join(root, "package.json"))("bindings");
    return bindings({ bindings: "better_sqlite3.node", module_root: root, path: true });
  }
}

// Statements kept for reuse, the most recently used ones: Kysely prepares every query it runs,
// and compiling the SQL costs more than running it (collect runs the same few thousands of times).
const CACHED_STATEMENTS = 256;

/**
 * The database as Kysely sees it, with its prepared statements reused by SQL text. Safe because
 * Kysely runs one query at a time on its single SQLite connection (a stream holds it to the end).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => void sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) cache.delete(sql);
      const statement = cached ?? sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
