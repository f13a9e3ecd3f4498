import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./tables.js";

/**
 * Connects to PostgreSQL (DATABASE_URL). `schema` puts every table in that schema (created if
 * missing) — the tests give each run its own; deployments normally leave it unset (public).
 */
export function openPostgres(url: string, options: { schema?: string } = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
