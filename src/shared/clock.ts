/** Time is passed in, never read deep inside a stage, so tests can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put; tests move it with `set` or `advance`. */
export function fixedClock(start: Date | string): Clock & {
  set(date: Date | string): void;
  advance(ms: number): void;
} {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
