import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";

/** PostgreSQL for the tests: this machine's server (trust auth, database `test`), or this variable. */
export const TEST_DATABASE_URL =
  process.env.GAZETTE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestStore {
  store: Store;
  /** Another connection to the same database, as a second process would have. */
  reopen(): Promise<Store>;
  /** Closes the store and removes what it created (the temp dir stays; the schema is dropped). */
  dispose(): Promise<void>;
}

/** One contract suite runs against every backend: `describe.each(STORE_BACKENDS)`. */
export const STORE_BACKENDS: { name: string; open: () => Promise<TestStore> }[] = [
  {
    name: "sqlite",
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "gazette-store-"));
      const store = await openStore(dir);
      return { store, reopen: () => openStore(dir), dispose: () => store.close() };
    },
  },
  {
    name: "postgres",
    open: async () => {
      // Each test gets its own schema, so tests never see each other's rows.
      const schema = `gz_test_${randomBytes(6).toString("hex")}`;
      const store = await openStore("", { databaseUrl: TEST_DATABASE_URL, schema });
      return {
        store,
        reopen: () => openStore("", { databaseUrl: TEST_DATABASE_URL, schema }),
        dispose: async () => {
          await store.close();
          const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  },
];

/** An issue of `listId` with no articles, dated `now`, and its ledger: a delivery per active member. */
export async function issueWithLedger(
  store: Store,
  listId: number,
  now: Date,
  messageIdFor: (subscriberId: number) => string,
) {
  const issue = await store.issues.create({
    listId,
    periodStart: now,
    periodEnd: now,
    articleIds: [],
    now,
  });
  await store.deliveries.createLedger({ issueId: issue.id, listId, now, messageIdFor });
  return issue;
}
