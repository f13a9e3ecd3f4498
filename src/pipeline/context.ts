import { randomBytes } from "node:crypto";
import type { SigningKey } from "../audience/index.js";
import { readSigningKeys, type SigningKeys } from "../audience/index.js";
import { type Config, type LoadedConfig, loadConfig } from "../config/index.js";
import { type ParsePool, parsePoolFor } from "../ingest/index.js";
import { type Clock, systemClock } from "../shared/clock.js";
import { openStore, type Store } from "../store/index.js";

/** What every command works with: the loaded config, the open store and the clock. */
export interface Context {
  loaded: LoadedConfig;
  config: Config;
  store: Store;
  clock: Clock;
  /**
   * The environment the context was opened with (secrets of transports, webhooks and service
   * events): library code reads this, never `process.env`.
   */
  env: Readonly<Record<string, string | undefined>>;
  signingKey: SigningKey;
  /** The signing key and the retired keys that still verify old links. */
  signingKeys: SigningKeys;
  /** Random id of this installation, part of every Message-ID. */
  installId: string;
  /**
   * The configured lists' numbers in the store, by slug: synced once when the context opens (a
   * new list is created, a renamed one renamed), so that nothing later — a GET least of all —
   * writes to resolve a list.
   */
  listNumbers: ReadonlyMap<string, number>;
  /**
   * The feed parse workers, started on first use and kept until close: a long-running process
   * (schedule, worker) collects again and again without starting and warming up new threads.
   */
  parsePool(): ParsePool;
  close(): Promise<void>;
}

export interface ContextOptions {
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  clock?: Clock;
}

/** Loads the config and opens the store. The signing secret comes from GAZETTE_SECRET, else the store makes one. */
export async function openContext(options: ContextOptions = {}): Promise<Context> {
  const env = options.env ?? process.env;
  const loaded = loadConfig({ path: options.configPath, env, cwd: options.cwd });
  // GAZETTE_DATABASE_SCHEMA: PostgreSQL only, keeps the tables in that schema (tests, one database for several newsletters).
  const store = await openStore(loaded.dataDir, {
    databaseUrl: env.DATABASE_URL,
    schema: env.GAZETTE_DATABASE_SCHEMA || undefined,
  });
  const stored = await store.runs.setting("signing_secret", () =>
    randomBytes(32).toString("base64url"),
  );
  const signingKeys = readSigningKeys(env, stored);
  // Events are recorded only for the webhooks configured (none: nothing is recorded).
  store.events.configure(loaded.config.webhooks.map(({ url, events }) => ({ url, events })));
  const installId = await store.runs.setting("install_id", () => randomBytes(6).toString("hex"));
  const clock = options.clock ?? systemClock;
  const listNumbers = await store.subscribers.syncLists(loaded.config.lists, clock.now());
  let pool: ParsePool | undefined;
  return {
    loaded,
    config: loaded.config,
    store,
    clock,
    env,
    signingKey: signingKeys.current,
    signingKeys,
    installId,
    listNumbers,
    parsePool: () => (pool ??= parsePoolFor(loaded.config.collect)),
    close: async () => {
      await pool?.close();
      await store.close();
    },
  };
}
