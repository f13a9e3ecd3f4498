import { isLockError } from "../../store/index.js";

// About 6 s in all, on top of SQLite's own busy_timeout for each try.
const WAITS_MS = [50, 100, 200, 400, 800, 1600, 3200];

/**
 * Runs a store call, and again after a wait each time it fails only because another sender
 * held a lock; the last failure is thrown. A lock is the store's business, never a recipient's
 * failure (issue 14: "database is locked" was charged to recipients as delivery attempts).
 */
export async function waitForLock<T>(
  work: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
): Promise<T> {
  for (const wait of WAITS_MS) {
    try {
      return await work();
    } catch (error) {
      if (!isLockError(error)) throw error;
      await sleep(wait);
    }
  }
  return work();
}
