import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedWorkerIssue } from "../../bench/seed-worker-issue.js";
import { runCli } from "../helpers/cli.js";
import { type CountingSink, startCountingSink } from "../helpers/counting-sink.js";
import { TEST_DATABASE_URL } from "../helpers/stores.js";

const DELIVERIES = 80;
const PER_SECOND = 20;
const WORKERS = 2;
const CONCURRENCY = 2;
// The sink stamps a message when its DATA ends, not when it was handed over: a message held up on
// the wire (a busy machine) arrives with later ones. At most one per connection is on the wire at
// a time, so a second of arrivals holds at most one slot's worth plus those; a limiter that each
// worker held alone (40/s) is still far above it.
const WINDOW_MAX = PER_SECOND + WORKERS * CONCURRENCY;
// The rate holds where messages are handed to the transport. A connection the pool opens holds its
// first message back (smtp-server pauses 100 ms before its greeting, as real relays do), which then
// arrives with the on-time ones: one extra per connection in the first second, none after.
const FIRST_SECOND_MAX = WINDOW_MAX + WORKERS * CONCURRENCY;

const schema = `gz_test_${randomBytes(6).toString("hex")}`;
let sink: CountingSink | undefined;

afterAll(async () => {
  await sink?.close();
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

/** For each message, how many (itself included) arrived within `ms` from it on; and when it came. */
function windows(times: number[], ms: number): { start: number; count: number }[] {
  const sorted = [...times].sort((a, b) => a - b);
  let end = 0;
  return sorted.map((start, index) => {
    while (end < sorted.length && (sorted[end] as number) < start + ms) end++;
    return { start, count: end - index };
  });
}

describe("delivery.rateLimit across two workers on one PostgreSQL", () => {
  it(`holds ${PER_SECOND}/s for both together, from the first second on`, async () => {
    const setup = await seedWorkerIssue({
      databaseUrl: TEST_DATABASE_URL,
      schema,
      count: DELIVERIES,
      // Small batches: both workers keep claiming until the ledger is done.
      delivery: `{ batchSize: 5, concurrency: ${CONCURRENCY}, rateLimit: { perSecond: ${PER_SECOND} } }`,
    });
    sink = await startCountingSink();
    const env = { ...setup.env, GAZETTE_TRANSPORT: sink.url };
    const args = ["-c", "gazette.yaml", "worker", "--once", "--kinds", "deliveries"];
    const results = await Promise.all(
      Array.from({ length: WORKERS }, () => runCli(args, { cwd: setup.dir, env })),
    );
    const sentBy = results.map((result) => {
      expect(result.code, result.stderr).toBe(0);
      return Number(/Worker: (\d+) sent/.exec(result.stdout)?.[1]);
    });
    // Both workers sent: the limit is held by the shared pacing, not by one worker doing it all.
    for (const sent of sentBy) expect(sent).toBeGreaterThan(0);
    expect(sentBy.reduce((sum, sent) => sum + sent, 0)).toBe(DELIVERIES);
    expect(sink.total()).toBe(DELIVERIES);

    const all = windows(sink.times, 1_000);
    const [first] = all;
    expect(first?.count, "the first second bursts").toBeLessThanOrEqual(FIRST_SECOND_MAX);
    const later = all.filter((window) => window.start >= (first?.start ?? 0) + 1_000);
    expect(later.length).toBeGreaterThan(DELIVERIES / 2);
    const busiest = Math.max(...later.map((window) => window.count));
    expect(busiest, "some second holds more than the rate").toBeLessThanOrEqual(WINDOW_MAX);
    // And the whole send took as long as the rate asks: each worker alone at 20/s would be twice as fast.
    const span = Math.max(...sink.times) - Math.min(...sink.times);
    expect(span).toBeGreaterThanOrEqual(((DELIVERIES - WINDOW_MAX) * 1_000) / PER_SECOND);
  }, 120_000);
});
