import { hostname } from "node:os";
import type { ListConfig } from "../config/index.js";
import type { Clock } from "../shared/clock.js";
import type { Store } from "../store/index.js";
import { nextRun } from "./next-run.js";
import { runSlot, type SlotOutcome } from "./run-slot.js";

export interface Schedules {
  /** Stops every job and waits for a run in progress to finish. */
  stop(): Promise<void>;
  /** Runs in progress, by list id. */
  readonly running: ReadonlyMap<string, Promise<SlotOutcome>>;
}

export interface ScheduleOptions {
  store: Store;
  clock: Clock;
  runList: (list: ListConfig) => Promise<void>;
  log: (line: string, fields?: Record<string, unknown>) => void;
  /** Lease on a slot, renewed while its run goes on (default 10 minutes). */
  leaseMs?: number;
}

/**
 * One timer per list, armed for the next firing of its cron expression in its time zone as
 * cron-parser computes it: the same parser that names the slot (currentSlot) and that validated
 * the config, so what fires and what runs can never disagree. Every firing — and one check at
 * start, which catches up a slot missed by less than its window — goes through runSlot, whose
 * lease in the store lets each slot run once even with two schedulers or a duplicate firing. A
 * list whose schedule cannot be armed is logged and left out; the others go on.
 */
export function startSchedules(lists: ListConfig[], options: ScheduleOptions): Schedules {
  const running = new Map<string, Promise<SlotOutcome>>();
  const owner = `${hostname()}:${process.pid}`;
  const leaseMs = options.leaseMs ?? 10 * 60_000;

  const fire = (list: ListConfig) => {
    const inProgress = running.get(list.id);
    if (inProgress) return inProgress;
    const outcome = runSlot({
      store: options.store,
      list,
      owner,
      now: () => options.clock.now(),
      leaseMs,
      run: async (slot) => {
        // Renew the lease while the run goes on, so nobody takes over a slot that is alive.
        const renew = () =>
          options.store.slots.renew(list.id, slot, owner, options.clock.now(), leaseMs);
        const heartbeat = setInterval(() => void renew(), leaseMs / 3);
        heartbeat.unref();
        try {
          await options.runList(list);
        } finally {
          clearInterval(heartbeat);
        }
      },
    })
      .then((result) => {
        logOutcome(list, result, options.log);
        return result;
      })
      .finally(() => running.delete(list.id));
    running.set(list.id, outcome);
    return outcome;
  };

  const timers: (() => void)[] = [];
  for (const list of lists) {
    try {
      timers.push(everyFiring(list, options.clock, () => void fire(list)));
      void fire(list);
    } catch (error) {
      options.log(`${list.id}: not scheduled: ${describe(error)}`, { list: list.id });
    }
  }
  return {
    running,
    async stop() {
      for (const stopTimer of timers) stopTimer();
      await Promise.all(running.values());
    },
  };
}

// setTimeout takes at most 2^31 - 1 ms (~24.8 days); a later firing is reached in steps.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Calls `onFire` at every firing of the list's schedule until the returned stop is called. */
function everyFiring(list: ListConfig, clock: Clock, onFire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  const arm = (next: Date) => {
    if (isStopped) return;
    const delay = Math.min(Math.max(0, next.getTime() - clock.now().getTime()), MAX_DELAY_MS);
    timer = setTimeout(() => {
      // A timer may wake a little early, or in steps: fire only once the instant has come.
      if (clock.now() < next) return arm(next);
      onFire();
      arm(nextRun(list.schedule, clock.now()));
    }, delay);
  };
  arm(nextRun(list.schedule, clock.now()));
  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function logOutcome(list: ListConfig, outcome: SlotOutcome, log: ScheduleOptions["log"]): void {
  const fields = { list: list.id, slot: outcome.slot.toISOString(), outcome: outcome.kind };
  if (outcome.kind === "ran") log(`${list.id}: slot ${fields.slot} done`, fields);
  else if (outcome.kind === "failed")
    log(`${list.id}: slot ${fields.slot} failed: ${outcome.error}`, fields);
  else if (outcome.kind === "missed" && outcome.isNew) {
    log(
      `${list.id}: slot ${fields.slot} was missed by more than ${list.schedule.missWindow}; skipped, not sent late`,
      fields,
    );
  }
}
