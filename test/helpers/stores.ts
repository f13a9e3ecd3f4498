import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import { openSqlite } from "../../src/store/open-database.js";
import { openPostgres } from "../../src/store/open-postgres.js";
import type { Database } from "../../src/store/tables.js";

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

/** A database as it was before a migration, to seed with what that schema allowed. */
export interface OldStore {
  db: Kysely<Database>;
  /** Closes the old handle and opens the store, which runs that migration and the later ones. */
  upgrade(): Promise<Store>;
  dispose(): Promise<void>;
}

/** An old store's handle: `upgrade` closes `db` and opens the store (migrating it) with `reopen`. */
function oldStore(
  db: OldStore["db"],
  reopen: () => Promise<Store>,
  cleanUp: () => Promise<void> = async () => {},
): OldStore {
  let store: Store | undefined;
  return {
    db,
    upgrade: async () => {
      await db.destroy();
      store = await reopen();
      return store;
    },
    dispose: async () => {
      await store?.close();
      await cleanUp();
    },
  };
}

/** Migration tests on every backend: `openOld(name)` stops short of migration `name`. */
export const OLD_STORE_BACKENDS: {
  name: string;
  openOld: (before: string) => Promise<OldStore>;
}[] = [
  {
    name: "sqlite",
    openOld: async (before) => {
      const dir = mkdtempSync(path.join(tmpdir(), "gazette-old-store-"));
      const db = openSqlite(path.join(dir, "gazette.db"));
      await migrateToLatest(db as Kysely<unknown>, undefined, { before });
      return oldStore(db, () => openStore(dir));
    },
  },
  {
    name: "postgres",
    openOld: async (before) => {
      const schema = `gz_test_${randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`create schema ${schema}`);
      const db = openPostgres(TEST_DATABASE_URL, { schema });
      await migrateToLatest(db as Kysely<unknown>, schema, { before });
      return oldStore(
        db,
        () => openStore("", { databaseUrl: TEST_DATABASE_URL, schema }),
        async () => {
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      );
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
