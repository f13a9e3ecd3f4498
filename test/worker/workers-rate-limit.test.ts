import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedWorkerIssue } from "../../bench/seed-worker-issue.js";
import { runCli } from "../helpers/cli.js";
import { type CountingSink, startCountingSink } from "../helpers/counting-sink.js";
import { TEST_DATABASE_URL } from "../helpers/stores.js";

const DELIVERIES = 80;
const PER_SECOND = 20;
// The sink stamps a message when its DATA ends: network jitter may pull one message of the next
// slot into a window, never more.
const WINDOW_MAX = PER_SECOND + 1;

const schema = `gz_test_${randomBytes(6).toString("hex")}`;
let sink: CountingSink | undefined;

afterAll(async () => {
  await sink?.close();
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

/** The most messages received within `ms` of one another's start, and the first window's count. */
function busiestWindow(times: number[], ms: number): { busiest: number; first: number } {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let end = 0;
  const counts = sorted.map((start, index) => {
    while (end < sorted.length && (sorted[end] as number) < start + ms) end++;
    busiest = Math.max(busiest, end - index);
    return end - index;
  });
  return { busiest, first: counts[0] ?? 0 };
}

describe("delivery.rateLimit across two workers on one PostgreSQL", () => {
  it(`holds ${PER_SECOND}/s for both together, from the first second on`, async () => {
    const setup = await seedWorkerIssue({
      databaseUrl: TEST_DATABASE_URL,
      schema,
      count: DELIVERIES,
      // Small batches: both workers keep claiming until the ledger is done.
      delivery: `{ batchSize: 5, concurrency: 2, rateLimit: { perSecond: ${PER_SECOND} } }`,
    });
    sink = await startCountingSink();
    const env = { ...setup.env, GAZETTE_TRANSPORT: sink.url };
    const args = ["-c", "gazette.yaml", "worker", "--once", "--kinds", "deliveries"];
    const results = await Promise.all([
      runCli(args, { cwd: setup.dir, env }),
      runCli(args, { cwd: setup.dir, env }),
    ]);
    const sentBy = results.map((result) => {
      expect(result.code, result.stderr).toBe(0);
      return Number(/Worker: (\d+) sent/.exec(result.stdout)?.[1]);
    });
    // Both workers sent: the limit is held by the shared pacing, not by one worker doing it all.
    for (const sent of sentBy) expect(sent).toBeGreaterThan(0);
    expect(sentBy.reduce((sum, sent) => sum + sent, 0)).toBe(DELIVERIES);
    expect(sink.total()).toBe(DELIVERIES);

    const { busiest, first } = busiestWindow(sink.times, 1_000);
    console.log("DEBUG", sink.times.map((t) => t - (sink as CountingSink).times[0]).join(" "));
    expect(first, "the first second bursts").toBeLessThanOrEqual(WINDOW_MAX);
    expect(busiest, "some second holds more than the rate").toBeLessThanOrEqual(WINDOW_MAX);
    // And the whole send took as long as the rate asks: each worker alone at 20/s would be twice as fast.
    const span = Math.max(...sink.times) - Math.min(...sink.times);
    expect(span).toBeGreaterThanOrEqual(((DELIVERIES - WINDOW_MAX) * 1_000) / PER_SECOND);
  }, 120_000);
});
