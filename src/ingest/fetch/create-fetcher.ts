import pLimit, { type LimitFunction } from "p-limit";
import { Agent } from "undici";
import type { FetchOptions, FetchResult, HostResolver } from "../types.js";
import { fetchOverHttp } from "./fetch-over-http.js";
import { parseAllowList } from "./net/allow-list.js";
import { createGuardedConnector } from "./net/guarded-connector.js";
import { localFeedPath, readFeedFile } from "./read-feed-file.js";

export interface FetcherOptions {
  /** `collect.allowPrivate`: addresses, CIDR ranges or host names the guard lets through. */
  allowPrivate?: readonly string[];
  /** Requests in flight at once over all hosts (`collect.concurrency`); default 8. */
  concurrency?: number;
  /** Requests in flight at once to one host name (`collect.perHostConcurrency`); default 2. */
  perHostConcurrency?: number;
  /** Replaces the system resolver; tests map names like `evil.test` to 127.0.0.1. */
  resolveHost?: HostResolver;
  /** The folder relative feed file paths are read from (the config file's); default: the cwd. */
  baseDir?: string;
}

/** Per-fetch options; the allow-list and resolver belong to the Fetcher, not to one fetch. */
export type FetchRequestOptions = Omit<FetchOptions, "allowPrivate" | "resolveHost">;

export interface Fetcher {
  /** Like `fetchFeed`, sharing this fetcher's connections and concurrency limits. */
  fetch(location: string, options: FetchRequestOptions): Promise<FetchResult>;
  /** Closes the connections; fetches still in flight are aborted. */
  close(): Promise<void>;
}

/**
 * A fetcher for one run: one guarded connection pool (every address checked as it is
 * connected to) and the global and per-host limits, so 500 feeds never open 500 sockets.
 * Local files are read directly: they pass neither the guard nor the limits.
 * Throws CONFIG_INVALID on a malformed allow-list entry.
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const allowList = parseAllowList(options.allowPrivate);
  const perHost = options.perHostConcurrency ?? 2;
  const dispatcher = new Agent({
    connect: createGuardedConnector(allowList, options.resolveHost),
    connections: perHost,
  });
  const limit = pLimit(options.concurrency ?? 8);
  const hostLimits = new Map<string, LimitFunction>();
  const limitHost = (host: string): LimitFunction => {
    const hostLimit = hostLimits.get(host) ?? pLimit(perHost);
    hostLimits.set(host, hostLimit);
    return hostLimit;
  };
  return {
    fetch(location, fetchOptions) {
      const file = localFeedPath(location, options.baseDir);
      if (file !== undefined) return readFeedFile(file, fetchOptions);
      return limit(() =>
        fetchOverHttp(location, fetchOptions, { dispatcher, allowList, limitHost }),
      );
    },
    close: () => dispatcher.destroy(),
  };
}
