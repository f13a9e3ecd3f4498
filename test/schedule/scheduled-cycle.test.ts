import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectStage } from "../../src/pipeline/collect-stage.js";
import { composeStage } from "../../src/pipeline/compose-stage.js";
import { type Context, openContext } from "../../src/pipeline/context.js";
import { enrichStage } from "../../src/pipeline/enrich-stage.js";
import { runCycle } from "../../src/pipeline/run-cycle.js";
import { runSlot } from "../../src/schedule/run-slot.js";
import { fixedClock } from "../../src/shared/clock.js";
import { ROOT } from "../helpers/cli.js";

const SUBSCRIBERS = ["a@example.com", "b@example.com", "c@example.com"];
const MINUTE = 60_000;

// Two schedulers (two store connections, as two processes have) over one database, with the
// real cycle: exactly one issue per slot, one email per subscriber.
describe("scheduled runs of the whole cycle", () => {
  let dir: string;
  let contexts: Context[];
  const clock = fixedClock("2026-11-23T08:00:30Z");

  const open = () => openContext({ configPath: "gazette.yaml", cwd: dir, env: {}, clock });
  const outbox = () => readdirSync(path.join(dir, "data/outbox")).filter((f) => f.endsWith(".eml"));
  const slotOf = (ctx: Context, owner: string) => ({
    store: ctx.store,
    list: ctx.config.lists[0] as Context["config"]["lists"][number],
    owner,
    now: () => clock.now(),
    leaseMs: 10 * MINUTE,
    run: async () => void (await runCycle(ctx)),
  });

  beforeEach(async () => {
    clock.set("2026-11-23T08:00:30Z");
    dir = mkdtempSync(path.join(tmpdir(), "gazette-schedule-"));
    writeFileSync(path.join(dir, "subscribers.csv"), `email\n${SUBSCRIBERS.join("\n")}\n`);
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter: { name: Scheduled, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Scheduled <digest@news.example.com>" }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
    schedule: { cron: "0 9 * * MON", timezone: Europe/Berlin }
`,
    );
    contexts = [await open(), await open()];
  });
  afterEach(async () => {
    for (const ctx of contexts) await ctx.close();
  });

  it("sends one issue per subscriber when two schedulers fire the same slot, twice each", async () => {
    const [a, b] = contexts as [Context, Context];
    const outcomes = await Promise.all([runSlot(slotOf(a, "a")), runSlot(slotOf(b, "b"))]);
    clock.advance(MINUTE);
    outcomes.push(await runSlot(slotOf(a, "a")), await runSlot(slotOf(b, "b")));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["ran", "taken", "taken", "taken"]);
    expect(outbox()).toHaveLength(SUBSCRIBERS.length);
    expect(await a.store.db.selectFrom("issues").select("number").execute()).toEqual([
      { number: 1 },
    ]);
  });

  it("after a scheduler dies mid-slot, the next one finishes the slot without a second issue or email", async () => {
    const [a, b] = contexts as [Context, Context];
    // Scheduler A claims the slot, collects, composes the issue and dies before sending anything.
    await a.store.slots.claim(
      "weekly",
      new Date("2026-11-23T08:00:00Z"),
      "a",
      clock.now(),
      10 * MINUTE,
    );
    await collectStage(a);
    await enrichStage(a);
    expect(
      (await composeStage(a, a.config.lists[0] as Context["config"]["lists"][number])).kind,
    ).toBe("composed");

    clock.advance(5 * MINUTE);
    expect((await runSlot(slotOf(b, "b"))).kind).toBe("taken");
    clock.advance(6 * MINUTE);
    expect((await runSlot(slotOf(b, "b"))).kind).toBe("ran");
    expect(outbox()).toHaveLength(SUBSCRIBERS.length);
    const issues = await b.store.db.selectFrom("issues").select(["number", "status"]).execute();
    expect(issues).toEqual([{ number: 1, status: "sent" }]);
  });
});
