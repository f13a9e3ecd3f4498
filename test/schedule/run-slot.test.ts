import { CronExpressionParser } from "cron-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ListConfig } from "../../src/config/schema.js";
import { runSlot } from "../../src/schedule/run-slot.js";
import { fixedClock } from "../../src/shared/clock.js";
import type { Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const MINUTE = 60_000;

function list(cron: string, timezone: string, missWindow = "6h"): ListConfig {
  return ListConfig.parse({
    id: "weekly",
    name: "Weekly",
    schedule: { cron, timezone, missWindow },
  });
}

describe.each(STORE_BACKENDS)("schedule slots on $name", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(() => handle.dispose());

  it("runs a slot once however often it fires", async () => {
    const clock = fixedClock("2026-11-23T08:00:05Z");
    const runs: Date[] = [];
    const input = {
      store,
      list: list("0 9 * * MON", "Europe/Berlin"),
      owner: "a",
      now: () => clock.now(),
      leaseMs: 10 * MINUTE,
      run: async (slot: Date) => void runs.push(slot),
    };
    expect((await runSlot(input)).kind).toBe("ran");
    clock.advance(30_000);
    expect((await runSlot(input)).kind).toBe("taken");
    expect(runs.map((d) => d.toISOString())).toEqual(["2026-11-23T08:00:00.000Z"]);
  });

  it("lets exactly one of two schedulers run a slot they fire at the same time", async () => {
    const other = await handle.reopen();
    try {
      const clock = fixedClock("2026-11-23T08:00:01Z");
      let runs = 0;
      const base = {
        list: list("0 9 * * MON", "Europe/Berlin"),
        now: () => clock.now(),
        leaseMs: 10 * MINUTE,
        run: async () => void runs++,
      };
      const outcomes = await Promise.all([
        runSlot({ ...base, store, owner: "host-a:1" }),
        runSlot({ ...base, store: other, owner: "host-b:2" }),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(["ran", "taken"]);
      expect(runs).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("takes over a slot whose scheduler died mid-run only after its lease expired", async () => {
    const clock = fixedClock("2026-11-23T08:00:00Z");
    const weekly = list("0 9 * * MON", "Europe/Berlin");
    // Scheduler A claimed the slot and died before finishing it.
    expect(
      await store.slots.claim(
        "weekly",
        new Date("2026-11-23T08:00:00Z"),
        "a",
        clock.now(),
        10 * MINUTE,
      ),
    ).toBe(true);
    let runs = 0;
    const input = {
      store,
      list: weekly,
      owner: "b",
      now: () => clock.now(),
      leaseMs: 10 * MINUTE,
      run: async () => void runs++,
    };
    clock.advance(5 * MINUTE);
    expect((await runSlot(input)).kind).toBe("taken");
    clock.advance(6 * MINUTE);
    expect((await runSlot(input)).kind).toBe("ran");
    clock.advance(MINUTE);
    expect((await runSlot(input)).kind).toBe("taken");
    expect(runs).toBe(1);
    expect((await store.slots.recent("weekly", 1))[0]).toMatchObject({
      status: "done",
      owner: "b",
    });
  });

  it("skips and reports a slot missed by more than the window, once", async () => {
    const clock = fixedClock("2026-11-23T15:00:00Z");
    let runs = 0;
    const input = {
      store,
      list: list("0 9 * * MON", "Europe/Berlin", "2h"),
      owner: "a",
      now: () => clock.now(),
      leaseMs: MINUTE,
      run: async () => void runs++,
    };
    expect(await runSlot(input)).toMatchObject({ kind: "missed", isNew: true });
    expect(await runSlot(input)).toMatchObject({ kind: "missed", isNew: false });
    expect(runs).toBe(0);
    expect((await store.slots.recent("weekly", 1))[0]?.note).toMatch(/found 420 min late; skipped/);
  });
});

// Both DST transitions in two zones: a scheduler that fires every minute (a superset of any
// real timer, duplicates included) runs each cron slot exactly once.
describe.each([
  ["Europe/Berlin", "2026-03-28T22:00:00Z", "2026-03-29T04:00:00Z"],
  ["Europe/Berlin", "2026-10-24T22:00:00Z", "2026-10-25T04:00:00Z"],
  ["America/New_York", "2026-03-08T04:00:00Z", "2026-03-08T10:00:00Z"],
  ["America/New_York", "2026-11-01T03:00:00Z", "2026-11-01T10:00:00Z"],
])("across the DST change in %s from %s", (timezone, from, to) => {
  let handle: TestStore;
  beforeEach(async () => {
    handle = await (STORE_BACKENDS[0] as (typeof STORE_BACKENDS)[number]).open();
  });
  afterEach(() => handle.dispose());

  it.each(["30 2 * * *", "*/30 1-3 * * *", "0 * * * *"])("runs %s once per slot", async (cron) => {
    const weekly = list(cron, timezone, "10m");
    const clock = fixedClock(from);
    const ran: string[] = [];
    while (clock.now() < new Date(to)) {
      await runSlot({
        store: handle.store,
        list: weekly,
        owner: "a",
        now: () => clock.now(),
        leaseMs: MINUTE,
        run: async (slot) => void ran.push(slot.toISOString()),
      });
      clock.advance(MINUTE);
    }
    const expected: string[] = [];
    // The slots in [from, to), enumerated forwards by cron-parser itself.
    const slots = CronExpressionParser.parse(cron, {
      currentDate: new Date(new Date(from).getTime() - 1),
      tz: timezone,
    });
    for (let slot = slots.next().toDate(); slot < new Date(to); slot = slots.next().toDate()) {
      expected.push(slot.toISOString());
    }
    expect(ran).toEqual(expected);
    expect(new Set(ran).size).toBe(ran.length);
  });
});
