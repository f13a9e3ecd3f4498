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
 * Group commit for collect: a save that finds no commit running starts one at once; saves that
 * arrive meanwhile wait for it and then go together, in one transaction. A run of hundreds of
 * feeds commits a few dozen times instead of once per feed, and no save waits longer than one
 * commit. When a group's transaction fails, each of its saves is tried alone, so one feed's
 * error stays that feed's.
 */
export function createFetchSaver(store: FetchSaving): FetchSaver {
  let waiting: Waiting[] = [];
  let isCommitting = false;

  const commit = async (): Promise<void> => {
    isCommitting = true;
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
    isCommitting = false;
  };

  return (fetch) =>
    new Promise<UpsertResult[]>((resolve, reject) => {
      waiting.push({ fetch, resolve, reject });
      if (!isCommitting) void commit();
    });
}
