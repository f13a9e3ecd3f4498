import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ENTRY, ROOT, runCli } from "../helpers/cli.js";
import { seededRandom } from "../helpers/seeded-random.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

// Ten independent trials, each killed at a point drawn at random from the whole send. A kill can
// only land in a batch (50 rows) or between two, and leaves at most the in-flight window uncertain
// whatever the send's size: 400 recipients (8 batches) reach every such state at a fifth of the
// messages of 2,000.
const SUBSCRIBERS = 400;
const TRIALS = 10;
// The in-flight window: messages handed to SMTP whose row is not yet marked sent — at most
// `delivery.concurrency` awaiting their reply plus `delivery.markBatch` accepted and waiting for
// their group's write. A SIGKILL can leave only those uncertain, so a restart may send each of
// them again: at most this many duplicates per kill.
const CONCURRENCY = 4;
const MARK_BATCH = 4;
const IN_FLIGHT = CONCURRENCY + MARK_BATCH;
const LEASE_MS = 2_000;

/** Starts `gazette send` against the sink; resolves with its exit code, or null when killed. */
function startSend(
  dir: string,
  sink: SmtpSink,
): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI_ENTRY, "-c", "gazette.yaml", "send"], {
    cwd: dir,
    env: { ...process.env, GAZETTE_CONFIG: "", GAZETTE_DATA_DIR: "", GAZETTE_TRANSPORT: sink.url },
    stdio: "ignore",
  });
  const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, done };
}

/** The ledger's rows by status, read straight from the SQLite file. */
function ledger(dir: string): { status: string; count: number; leaseUntil: string | null }[] {
  const db = new SQLite(path.join(dir, "data", "gazette.db"), { readonly: true });
  try {
    return db
      .prepare(
        "select status, count(*) as count, max(lease_until) as leaseUntil from deliveries group by status",
      )
      .all() as { status: string; count: number; leaseUntil: string | null }[];
  } finally {
    db.close();
  }
}

describe(`a sender killed with SIGKILL at random points of a ${SUBSCRIBERS}-recipient send`, () => {
  let base: string;

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), "gazette-crash-"));
    const emails = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@example.com`);
    writeFileSync(path.join(base, "subscribers.csv"), `email\n${emails.join("\n")}\n`);
    writeFileSync(
      path.join(base, "gazette.yaml"),
      `newsletter: { name: Crash Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Crash Test <digest@news.example.com>" }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
${["northwind-engineering", "lumen-labs", "quarry-data", "orbit-mobile"]
  .map((feed) => `  - url: ${path.join(ROOT, "examples/feeds", `${feed}.xml`)}`)
  .join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
delivery: { batchSize: 50, concurrency: ${CONCURRENCY}, markBatch: ${MARK_BATCH}, leaseDuration: ${LEASE_MS}ms }
`,
    );
    // Syncs the subscribers; a dry run writes no issue and no delivery row.
    const prepared = await runCli(["-c", "gazette.yaml", "run", "--dry-run"], { cwd: base });
    expect(prepared.stdout).toContain(`${SUBSCRIBERS} messages built, none sent (dry run)`);
    // Composes issue #1, the draft every trial sends.
    expect((await runCli(["-c", "gazette.yaml", "compose"], { cwd: base })).code).toBe(0);
  });

  const sinks: SmtpSink[] = [];
  afterAll(async () => {
    await Promise.all(sinks.map((sink) => sink.close()));
  });

  it(`delivers to everyone at least once over ${TRIALS} trials, duplicates within the in-flight window`, async () => {
    const random = seededRandom(Number(process.env.CRASH_SEED ?? 4242));
    const outcomes: { killAt: number; duplicates: number; restarts: number }[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = mkdtempSync(path.join(tmpdir(), `gazette-crash-${trial}-`));
      cpSync(base, dir, { recursive: true });
      const sink = await startSmtpSink();
      sinks.push(sink);
      const killAt = 1 + Math.floor(random() * (SUBSCRIBERS - 10));
      const first = startSend(dir, sink);
      await Promise.race([sink.waitFor(killAt), first.done]);
      first.child.kill("SIGKILL");
      expect(await first.done).toBeNull();

      let restarts = 0;
      for (;;) {
        restarts++;
        // The rows the dead sender held come back once their lease passes: wait for that deadline.
        const held = ledger(dir).find((row) => row.status === "sending")?.leaseUntil;
        if (held) await untilPast(Date.parse(held));
        const code = await startSend(dir, sink).done;
        if (code === 0) break;
        expect(restarts).toBeLessThan(5);
      }

      const perRecipient = new Map<string, number>();
      for (const to of sink.messages.flatMap((message) => message.to))
        perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
      expect(perRecipient.size).toBe(SUBSCRIBERS);
      const duplicates = sink.messages.length - SUBSCRIBERS;
      expect(duplicates).toBeGreaterThanOrEqual(0);
      expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);
      expect(ledger(dir).map(({ status, count }) => ({ status, count }))).toEqual([
        { status: "sent", count: SUBSCRIBERS },
      ]);
      outcomes.push({ killAt, duplicates, restarts });
      // Its messages are checked: let them go rather than hold every trial's in memory.
      await sink.close();
      sinks.splice(sinks.indexOf(sink), 1);
    }
    console.log(
      `crash trials (kill after n messages → duplicates, restarts): ${JSON.stringify(outcomes)}`,
    );
    expect(outcomes).toHaveLength(TRIALS);
  }, 600_000);
});

/** Resolves once the wall clock is past `deadline`: a wait on a lease's end, not a fixed sleep. */
function untilPast(deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () =>
      Date.now() > deadline ? resolve() : setTimeout(check, deadline - Date.now() + 1);
    check();
  });
}
