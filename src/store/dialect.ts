import { type Kysely, PostgresAdapter } from "kysely";

/** True when the store runs on PostgreSQL (DATABASE_URL), false on SQLite. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
