import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ListConfig } from "../../src/config/schema.js";
import { startSchedules } from "../../src/schedule/start-schedules.js";
import { systemClock } from "../../src/shared/clock.js";
import { openStore, type Store } from "../../src/store/index.js";

const MINUTE = 60_000;

function list(id: string, cron: string): ListConfig {
  const valid = ListConfig.parse({ id, name: id, schedule: { cron: "0 9 * * *" } });
  // Built past the validation on purpose: what the scheduler does with a schedule it cannot run.
  return { ...valid, schedule: { ...valid.schedule, cron } };
}

describe("startSchedules", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(mkdtempSync(path.join(tmpdir(), "gazette-schedules-")));
    // Timers and the clock move together: the system clock reads the faked Date.
    vi.useFakeTimers({
      now: new Date("2026-11-23T09:00:20Z"),
      toFake: ["Date", "setTimeout", "clearTimeout"],
    });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
  });

  it("fires each list at its cron instants, computed by the parser that names the slot", async () => {
    const runs: string[] = [];
    const schedules = startSchedules([list("hourly", "0 * * * *")], {
      store,
      clock: systemClock,
      log: () => {},
      runList: async (chosen) => void runs.push(`${chosen.id} ${new Date().toISOString()}`),
    });
    await Promise.all(schedules.running.values());
    // The start-up check caught up the slot of 09:00 (20 s late, within the miss window).
    expect(runs).toEqual(["hourly 2026-11-23T09:00:20.000Z"]);
    await vi.advanceTimersByTimeAsync(59 * MINUTE);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    await Promise.all(schedules.running.values());
    expect(runs).toEqual(["hourly 2026-11-23T09:00:20.000Z", "hourly 2026-11-23T10:00:00.000Z"]);
    await schedules.stop();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(runs).toHaveLength(2);
  });

  it("leaves out a list whose schedule it cannot run, and runs the others", async () => {
    const runs: string[] = [];
    const lines: string[] = [];
    const schedules = startSchedules(
      [list("broken", "0 8 * * MONDAY"), list("daily", "0 9 * * *")],
      {
        store,
        clock: systemClock,
        log: (line) => void lines.push(line),
        runList: async (chosen) => void runs.push(chosen.id),
      },
    );
    await Promise.all(schedules.running.values());
    expect(runs).toEqual(["daily"]);
    expect(lines).toContain(
      'broken: not scheduled: the day-of-week field "MONDAY" is not a day (0–7, or MON … SUN)',
    );
    await schedules.stop();
  });
});
