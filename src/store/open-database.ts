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
 * better-sqlite3's compiled addon, by its path: better-sqlite3's default (the `bindings` package)
 * searches a dozen paths for it, on every start. npm's install (a prebuilt binary, or node-gyp)
 * puts it in build/Release; elsewhere, better-sqlite3 looks as it did.
 */
function nativeBinding(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(
      "better-sqlite3/build/Release/better_sqlite3.node",
    );
  } catch {
    return undefined;
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
