import type { Kysely } from "kysely";
import type { Database } from "./tables.js";

/**
 * Runs `work` in one transaction: the caller's when `db` already is one (the work becomes part
 * of it), else a new one. `work` must make every query on the `db` it is given: on SQLite a query
 * on another handle would wait for the transaction's own connection.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
