import type { ArticleSink, FetchToSave, UpsertResult } from "../ingest/ports.js";

export type { FetchToSave };

/** What the group commit needs of the store (Store implements it). */
export type FetchSaving = Pick<ArticleSink, "saveFetches">;

/** Saves one feed's fetch (see Store.saveFetches); resolves with its articles' upsert results. */
export type FetchSaver = (fetch: FetchToSave) => Promise<UpsertResult[]>;

interface Waiting {
  fetch: FetchToSave;
  resolve(results: UpsertResult[]): void;
  reject(error: unknown): void;
}

/**
 * How long a save that finds the store idle waits for others to join its commit. Feeds finish
 * one at a time (each parse answer is an event of its own) and SQLite's driver runs a whole
 * transaction within one of them, so without a wait no save would ever find another one waiting:
 * one commit per feed, most of what storing a feed costs. PostgreSQL's commit_delay, in short.
 */
export const GROUP_COMMIT_WINDOW_MS = 25;

/**
 * Group commit for collect: a save that finds no commit running or due starts one
 * GROUP_COMMIT_WINDOW_MS later; the saves that arrive meanwhile, and those that arrive while it
 * runs, go together, in one transaction each time. A run of hundreds of feeds commits a few dozen
 * times instead of once per feed, and no save waits longer than the window and one commit. When
 * a group's transaction fails, each of its saves is tried alone, so one feed's error stays that
 * feed's.
 */
export function createFetchSaver(store: FetchSaving): FetchSaver {
  let waiting: Waiting[] = [];
  let isCommitDue = false;

  const commit = async (): Promise<void> => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        const results = await store.saveFetches(group.map((entry) => entry.fetch));
        for (const [i, entry] of group.entries()) entry.resolve(results[i] ?? []);
      } catch {
        for (const entry of group) {
          await store.saveFetches([entry.fetch]).then(
            ([results]) => entry.resolve(results ?? []),
            (error: unknown) => entry.reject(error),
          );
        }
      }
    }
    isCommitDue = false;
  };

  return (fetch) =>
    new Promise<UpsertResult[]>((resolve, reject) => {
      waiting.push({ fetch, resolve, reject });
      if (isCommitDue) return;
      isCommitDue = true;
      setTimeout(() => void commit(), GROUP_COMMIT_WINDOW_MS);
    });
}
