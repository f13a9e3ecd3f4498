/** The two clocks of one fetch: a total deadline and an idle one that every received byte resets. */
export interface FetchDeadline {
  /** Aborts the request when either clock runs out. */
  readonly signal: AbortSignal;
  /** Starts both clocks on the first call; later calls restart the idle one. */
  touch(): void;
  /** Which clock ran out, if one did. */
  expired(): "total" | "idle" | undefined;
  /** Stops both clocks. */
  clear(): void;
}

/**
 * A deadline that starts on the first `touch()`, so time spent queued behind the concurrency
 * limits never counts against a feed.
 */
export function startFetchDeadline(totalMs: number, idleMs: number): FetchDeadline {
  const controller = new AbortController();
  let expired: "total" | "idle" | undefined;
  let total: NodeJS.Timeout | undefined;
  let idle: NodeJS.Timeout | undefined;
  const expire = (clock: "total" | "idle") => () => {
    expired ??= clock;
    controller.abort(new Error(`${clock} deadline passed`));
  };
  return {
    signal: controller.signal,
    touch() {
      total ??= setTimeout(expire("total"), totalMs);
      if (idle === undefined) idle = setTimeout(expire("idle"), idleMs);
      else idle.refresh();
    },
    expired: () => expired,
    clear() {
      clearTimeout(total);
      clearTimeout(idle);
    },
  };
}
