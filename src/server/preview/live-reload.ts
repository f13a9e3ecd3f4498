import { EventEmitter } from "node:events";
import { existsSync, type FSWatcher, watch } from "node:fs";

/** A version number that goes up whenever something the preview shows has changed. */
export interface LiveReload {
  version(): number;
  /** Counts a change now (after the preview's own edits). */
  bump(): void;
  /** Calls `listener` with the new version after each change; returns the unsubscribe. */
  subscribe(listener: (version: number) => void): () => void;
  close(): void;
}

export interface LiveReloadOptions {
  /** Files and folders to watch (folders recursively): the themes and the config file. */
  paths: string[];
  /** A fingerprint of the store's state, polled; a different answer counts as a change. */
  signature?: () => Promise<string>;
  pollMs?: number;
  /** Editors save in bursts (write, rename, chmod): one reload per burst. */
  debounceMs?: number;
}

/**
 * Watches files (fs.watch; recursive on Linux since Node 20) and polls the store. Order: a file
 * event or a new signature → wait `debounceMs` for the burst to end → bump → notify.
 */
export function createLiveReload(options: LiveReloadOptions): LiveReload {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let version = 1;
  let timer: NodeJS.Timeout | undefined;
  const bump = () => {
    version += 1;
    events.emit("change", version);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(bump, options.debounceMs ?? 150);
  };
  const watchers: FSWatcher[] = options.paths
    .filter((target) => existsSync(target))
    .map((target) => watch(target, { recursive: true }, schedule));
  let last: string | undefined;
  let isPolling = false;
  const poll = options.signature
    ? setInterval(async () => {
        // A slow store must not stack polls on top of each other.
        if (isPolling) return;
        isPolling = true;
        try {
          const next = await options.signature?.();
          if (last !== undefined && next !== last) schedule();
          last = next;
        } catch {
          // The store may be busy or closing; the next poll tries again.
        } finally {
          isPolling = false;
        }
      }, options.pollMs ?? 500)
    : undefined;
  return {
    version: () => version,
    bump,
    subscribe(listener) {
      events.on("change", listener);
      return () => events.off("change", listener);
    },
    close() {
      clearTimeout(timer);
      clearInterval(poll);
      for (const watcher of watchers) watcher.close();
    },
  };
}
