import { type Compilable, CompiledQuery, type Kysely } from "kysely";

/**
 * A query compiled once and run many times with new parameter values: Kysely compiles a query on
 * every call, which costs more than SQLite running it. Built with marker values in place of the
 * parameters; each marker's position in the compiled parameter list is where its value goes.
 * Compiled on its first run, not when the store opens: `gazette status` runs none of them.
 * `on` runs it on another connection of the same database (a transaction), `db` by default.
 */
export function prepareQuery<DB, P extends Record<string, unknown>, R>(
  db: Kysely<DB>,
  names: (keyof P & string)[],
  build: (params: P) => Compilable<R>,
): (params: P, on?: Kysely<DB>) => Promise<R[]> {
  let prepared: { compiled: CompiledQuery<R>; slots: (string | undefined)[] } | undefined;
  const prepare = () => {
    const markers = Object.fromEntries(names.map((name) => [name, `\u0000param:${name}`])) as P;
    const compiled = build(markers).compile();
    // By marker: a page of ledger rows has thousands of parameters.
    const byMarker = new Map<unknown, keyof P & string>(names.map((name) => [markers[name], name]));
    const slots = compiled.parameters.map((value) => byMarker.get(value));
    const bound = new Set(slots);
    const missing = names.filter((name) => !bound.has(name));
    if (missing.length > 0) throw new Error(`prepareQuery: ${missing.join(", ")} not bound`);
    return { compiled, slots };
  };
  return async (params, on = db) => {
    prepared ??= prepare();
    const { compiled, slots } = prepared;
    const values = compiled.parameters.map((value, i) => {
      const name = slots[i];
      return name === undefined ? value : params[name];
    });
    const result = await on.executeQuery<R>(CompiledQuery.raw(compiled.sql, values));
    return result.rows;
  };
}

/**
 * `prepare(size)` made once per size and kept: statements whose text grows with the rows they
 * take (a ledger page, a group of marks), mostly of one full size.
 */
export function perSize<T>(prepare: (size: number) => T): (size: number) => T {
  const bySize = new Map<number, T>();
  return (size) => {
    let prepared = bySize.get(size);
    if (prepared === undefined) {
      prepared = prepare(size);
      bySize.set(size, prepared);
    }
    return prepared;
  };
}
