import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedWorkerIssue } from "../../bench/seed-worker-issue.js";
import { CLI_ENTRY } from "../helpers/cli.js";
import { type CountingSink, startCountingSink } from "../helpers/counting-sink.js";
import { seededRandom } from "../helpers/seeded-random.js";
import { TEST_DATABASE_URL } from "../helpers/stores.js";

// 3,000 by default: a thousand or so per worker, each claiming batches of 25, so that the kill
// lands mid-batch with every worker sending. WORKER_TEST_DELIVERIES runs a larger send (20,000 once
// took 120 s of the suite for no state the smaller one misses).
const DELIVERIES = Number(process.env.WORKER_TEST_DELIVERIES ?? 3_000);
const WORKERS = 3;
const CONCURRENCY = 4;
const MARK_BATCH = 4;
// The killed worker's in-flight window: messages it handed to SMTP whose rows it had not yet marked
// sent — at most `concurrency` awaiting their reply plus `markBatch` accepted and waiting for the
// group write. Its other claimed rows were never handed over: they come back when the lease passes
// and go out once. So a SIGKILL can cause at most this many duplicates.
const IN_FLIGHT = CONCURRENCY + MARK_BATCH;
// Leases are not renewed: a live worker's batch must go out well within its lease, or another
// worker takes the rest of it and sends some twice. Batches of 25 do so even on a loaded machine
// (100 under a 4 s lease did not: 39 duplicates); the survivors wait one lease for the dead
// worker's rows.
const BATCH = 25;
const LEASE = "10s";

const schema = `gz_test_${randomBytes(6).toString("hex")}`;
const children: ChildProcess[] = [];
const sinks: CountingSink[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await Promise.all(sinks.map((sink) => sink.close()));
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

function startWorker(dir: string, env: NodeJS.ProcessEnv, transport: string) {
  const child = spawn(process.execPath, [CLI_ENTRY, "-c", "gazette.yaml", "worker"], {
    cwd: dir,
    env: {
      ...process.env,
      GAZETTE_CONFIG: "",
      GAZETTE_DATA_DIR: "",
      GAZETTE_TRANSPORT: transport,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, done, output: () => output };
}

async function ledger(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string; count: string }>(
      `select status, count(*) as count from ${schema}.deliveries group by status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  } finally {
    await client.end();
  }
}

/** Polls the ledger until every row is sent, or fails at the deadline. */
async function untilAllSent(deadline: number): Promise<void> {
  for (;;) {
    const counts = await ledger();
    if (counts.sent === DELIVERIES) return;
    if (Date.now() > deadline)
      throw new Error(`not all sent by the deadline: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe(`${WORKERS} workers on one PostgreSQL, one killed with SIGKILL mid-batch`, () => {
  it(`send ${DELIVERIES} deliveries: none lost, duplicates within the killed worker's in-flight window`, async () => {
    const setup = await seedWorkerIssue({
      databaseUrl: TEST_DATABASE_URL,
      schema,
      count: DELIVERIES,
      delivery: `{ batchSize: ${BATCH}, concurrency: ${CONCURRENCY}, markBatch: ${MARK_BATCH}, leaseDuration: ${LEASE} }`,
    });
    // One sink per worker: what each one sent is known, and so is when all of them are sending.
    for (let i = 0; i < WORKERS; i++) sinks.push(await startCountingSink());
    const workers = sinks.map((sink) => startWorker(setup.dir, setup.env, sink.url));
    const total = () => sinks.reduce((sum, sink) => sum + sink.total(), 0);
    // Kill the first worker at a random point of the first half of its share, once every worker
    // has sent something: all of them are mid-send then.
    const random = seededRandom(Number(process.env.CRASH_SEED ?? 4242));
    const killAt = 1 + Math.floor(random() * (DELIVERIES / WORKERS / 2));
    const [victimSink, ...otherSinks] = sinks as [CountingSink, ...CountingSink[]];
    await Promise.all([victimSink.waitFor(killAt), ...otherSinks.map((sink) => sink.waitFor(1))]);
    const victim = workers[0] as (typeof workers)[number];
    victim.child.kill("SIGKILL");
    expect(await victim.done).toBeNull();
    const killedAfter = victimSink.total();
    for (const sink of sinks) expect(sink.total()).toBeGreaterThan(0);
    expect(total()).toBeLessThan(DELIVERIES);

    // The survivors take the dead worker's rows once its lease passes.
    await untilAllSent(Date.now() + 600_000);
    for (const worker of workers.slice(1)) worker.child.kill("SIGTERM");
    for (const worker of workers.slice(1)) {
      const code = await worker.done;
      expect(code, worker.output()).toBe(0);
      expect(worker.output()).toMatch(/Worker: \d+ sent/);
    }

    const counts = new Map<string, number>();
    for (const sink of sinks)
      for (const [to, count] of sink.perRecipient) counts.set(to, (counts.get(to) ?? 0) + count);
    expect(counts.size).toBe(DELIVERIES);
    for (let i = 0; i < DELIVERIES; i++)
      expect(counts.get(`reader${i}@bench.example.com`) ?? 0).toBeGreaterThanOrEqual(1);
    const duplicates = total() - DELIVERIES;
    console.log(
      `workers: ${DELIVERIES} deliveries, victim killed after ${killedAfter} of its messages (${sinks.map((sink) => sink.total()).join("/")} per worker) → ${duplicates} duplicates (window ${IN_FLIGHT})`,
    );
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);
    expect(await ledger()).toEqual({ sent: DELIVERIES });
  }, 900_000);
});
