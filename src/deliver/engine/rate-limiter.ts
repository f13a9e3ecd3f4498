/** Messages per second, minute and hour; any of them may be left out. */
export interface RateLimit {
  perSecond?: number;
  perMinute?: number;
  perHour?: number;
}

/** One caller's turn: it may send now, and says when it did (or that it did not). */
export interface RateTurn {
  /** Ends the turn; a used turn counts from now, so the next send waits a whole interval. */
  release(isUsed: boolean): void;
}

/** Hands out send turns one at a time, evenly spaced. */
export interface RateLimiter {
  /** The spacing between two sends, in milliseconds. */
  readonly intervalMs: number;
  /** Resolves when the caller's turn has come and its slot is reached. */
  acquire(): Promise<RateTurn>;
}

/**
 * A limiter that spaces sends by the tightest of the rates (no burst, not even at the start), so
 * any window of W ms holds at most ⌈W / interval⌉ sends: never more than perSecond × 10 in ten
 * seconds, perMinute in a minute, perHour in an hour. Turns are taken one after the other and a
 * turn's time is when its holder released it — right at the hand-over — so a turn that was late
 * never lets the next one come early.
 */
export function createRateLimiter(
  rate: RateLimit,
  clock: { now(): Date },
  sleep: (ms: number) => Promise<void>,
): RateLimiter {
  const intervalMs = Math.max(
    rate.perSecond ? 1_000 / rate.perSecond : 0,
    rate.perMinute ? 60_000 / rate.perMinute : 0,
    rate.perHour ? 3_600_000 / rate.perHour : 0,
  );
  let lastUse = Number.NEGATIVE_INFINITY;
  let previous: Promise<void> = Promise.resolve();
  return {
    intervalMs,
    async acquire() {
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      const before = previous;
      previous = ended;
      await before;
      for (;;) {
        const wait = lastUse + intervalMs - clock.now().getTime();
        if (wait <= 0) break;
        // Whole milliseconds: a clock with millisecond steps must get past a fractional slot.
        await sleep(Math.ceil(wait));
      }
      let isReleased = false;
      return {
        release(isUsed) {
          if (isReleased) return;
          isReleased = true;
          if (isUsed) lastUse = clock.now().getTime();
          end();
        },
      };
    },
  };
}
