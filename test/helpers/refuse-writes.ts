import { sql } from "kysely";
import type { Store } from "../../src/store/index.js";

/** A write a trigger refuses: every `op` on `table`, or only the rows `when` (SQL on `new`) names. */
export interface RefusedWrite {
  table: string;
  op: "insert" | "update";
  when?: string;
}

/**
 * Makes a real table refuse a write, as a full disk or a lost connection would, with the error
 * "<table> <op> refused". Returns a function that lifts the refusal again.
 */
export async function refuseWrites(
  store: Store,
  backend: string,
  { table, op, when }: RefusedWrite,
): Promise<() => Promise<void>> {
  const name = sql.id(`refuse_${table}_${op}`);
  const message = sql.lit(`${table} ${op} refused`);
  const on = sql.raw(`before ${op} on ${table}`);
  const condition = when === undefined ? sql`` : sql`when (${sql.raw(when)})`;
  if (backend === "postgres") {
    await sql`create function ${name}() returns trigger language plpgsql as $$ begin raise exception ${message}; end $$`.execute(
      store.db,
    );
    await sql`create trigger ${name} ${on} for each row ${condition} execute function ${name}()`.execute(
      store.db,
    );
    return async () => {
      await sql`drop trigger ${name} on ${sql.id(table)}`.execute(store.db);
    };
  }
  await sql`create trigger ${name} ${on} ${condition} begin select raise(abort, ${message}); end`.execute(
    store.db,
  );
  return async () => {
    await sql`drop trigger ${name}`.execute(store.db);
  };
}
