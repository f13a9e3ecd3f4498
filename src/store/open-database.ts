import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { GazetteError } from "../shared/errors.js";
import type { Database } from "./tables.js";

/** Opens (creating if needed) the SQLite database file in WAL mode. */
export function openSqlite(file: string): Kysely<Database> {
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets readers (status, preview) run while a send writes; NORMAL sync is durable in WAL
    // at commit boundaries, which is what the ledger relies on.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  } catch (error) {
    throw new GazetteError("STORE_FAILED", `cannot open database ${file}: ${String(error)}`, {
      cause: error,
    });
  }
}
