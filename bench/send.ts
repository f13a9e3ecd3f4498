import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { collectStage } from "../src/pipeline/collect-stage.js";
import { composeStage } from "../src/pipeline/compose-stage.js";
import { openContext } from "../src/pipeline/context.js";
import { enrichStage } from "../src/pipeline/enrich-stage.js";
import { listNumber } from "../src/pipeline/find-list.js";
import { compileBenchProcess } from "./compile-bench-process.js";
import { median } from "./median.js";
import { seedSubscribers } from "./seed-bench-store.js";

// npm run bench:send [-- --subscribers 100000 --pool 5 --concurrency N --http --sender-only --trace-memory --profile DIR --rounds 5]
// Sends the demo issue (20 articles) to N subscribers through the real send stage into an SMTP
// sink running in a process of its own, then measures the ceiling: a bare nodemailer pool of the
// same size sending one pre-built raw message N times. The store is seeded here; each of the two
// measured senders runs alone in a child process of the compiled code (bench/send-process.ts), so
// the peak RSS printed is the sender's own, and both are timed and measured the same way, against
// the same sink, warmed up beforehand. With --http, the same issue also goes to the same number
// of subscribers through the postmark transport into a local stand-in of Postmark's API (its own
// process, bench/http-api-sink-process.ts), printed next to the raw SMTP ceiling of the same run.
// The HTTP run's peak RSS (about 300 MiB) is garbage, not a leak: each message's JSON body (the
// html and text, well over 128 KiB as a string) goes to V8's large-object space, which only a
// full mark-compact frees; between two of them the heap grows to ~130 MiB while ~30 MiB is live.
// The peak RSS goal is for 1,000,000 subscribers; `--sender-only` leaves the ceiling out there
// (no ratio: its own run would double the time), and `--trace-memory` has the sender print its
// memory every 5 s (stderr).

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "10000" },
    pool: { type: "string", default: "5" },
    /** delivery.concurrency; default: the config's (twice the pool). */
    concurrency: { type: "string" },
    /** Also send through an email API's transport (Postmark's wire format) to a local stand-in. */
    http: { type: "boolean", default: false },
    /** Measure Gazette's sender alone: no ceiling, no ratio (the peak RSS run at 1,000,000). */
    "sender-only": { type: "boolean", default: false },
    /** The sender prints its RSS and heap every 5 s while sending. */
    "trace-memory": { type: "boolean", default: false },
    /** Rounds of both senders in turn, each on the same fresh ledger: the ratio is their median. */
    rounds: { type: "string", default: "5" },
    /** Each measured sender writes a V8 CPU profile (.cpuprofile) into this folder. */
    profile: { type: "string" },
  },
});
const count = Number(values.subscribers);
const pool = Number(values.pool);
const GOAL_RATIO = 0.8;
const GOAL_RSS_MIB = 256;
const GOAL_RSS_AT = 1_000_000;
const isSenderOnly = values["sender-only"];
if (values["trace-memory"]) process.env.GAZETTE_BENCH_TRACE = "1";
const WARM_UP = 1_000;
// The ceiling's own CPU per message swings by a third between runs on a shared VM: several rounds,
// Gazette's and the ceiling's in turn, each round's ratio taken from the two runs back to back,
// which share the machine's state of the moment, and the median of those ratios is the figure.
const rounds = isSenderOnly ? 1 : Math.max(1, Number(values.rounds));

const sink = await startSink();
const httpSink = values.http ? await startSink("bench/http-api-sink-process.ts") : undefined;
const dir = mkdtempSync(path.join(tmpdir(), "gazette-bench-"));
try {
  // First: collect parses feeds in worker threads that run the compiled code too.
  const child = compileBenchProcess(path.join(ROOT, "bench/send-process.ts"));
  await prepareIssue(dir, smtpTransportYaml(sink.url, pool), count);
  const httpDir = path.join(dir, "http");
  if (httpSink) await prepareIssue(httpDir, postmarkTransportYaml(httpSink.url, pool), count);
  const sample = path.join(dir, "sample.eml");
  await runChild(child, ["sample", dir, sample]);
  const ceilingArgs = (n: number) => ["ceiling", sink.url, sample, String(n), String(pool)];
  // Unmeasured: the sink's code warms up here, so that neither measurement pays for it.
  await runChild(child, ceilingArgs(WARM_UP));
  const loadBefore = loadavg()[0] ?? 0;
  // Each round sends the issue again from the ledger as prepared: the store is copied back.
  const data = path.join(dir, "data");
  const seed = path.join(dir, "data-prepared");
  cpSync(data, seed, { recursive: true });
  const oursRounds: Measured[] = [];
  const ceilingRounds: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) {
      rmSync(data, { recursive: true, force: true });
      cpSync(seed, data, { recursive: true });
    }
    oursRounds.push(await runMeasured(child, ["gazette", dir]));
    if (!isSenderOnly) ceilingRounds.push(await runMeasured(child, ceilingArgs(count)));
  }
  const ours = medianRound(oursRounds);
  const ceiling = isSenderOnly ? undefined : medianRound(ceilingRounds);
  const overHttp = httpSink ? await runMeasured(child, ["gazette", httpDir]) : undefined;
  const loadAfter = loadavg()[0] ?? 0;
  const accepted = await sink.count();
  for (const round of oursRounds)
    if (round.sent !== count) throw new Error(`gazette sent ${round.sent} of ${count}`);
  const expected = WARM_UP + count * rounds * (ceiling ? 2 : 1);
  if (accepted !== expected) throw new Error(`the sink accepted ${accepted}, not ${expected}`);
  // The peak is the largest of any round.
  ours.maxRssBytes = Math.max(...oursRounds.map((round) => round.maxRssBytes));
  ours.maxHeapBytes = Math.max(...oursRounds.map((round) => round.maxHeapBytes));
  const rate = (m: Measured) => Math.round((m.sent * 1000) / m.ms);
  const perMessage = (m: Measured) => `${Math.round((m.cpuMs / m.sent) * 1000)} µs`;
  const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
  if (overHttp && httpSink) {
    if (overHttp.sent !== count)
      throw new Error(`gazette sent ${overHttp.sent} of ${count} over HTTP`);
    const received = await httpSink.count();
    if (received !== count) throw new Error(`the API stand-in received ${received}, not ${count}`);
  }
  console.log(
    `message: ${(statSync(sample).size / 1024).toFixed(1)} KiB, pool of ${pool}, ${count} subscribers, ${rounds === 1 ? "one round" : `medians of ${rounds} rounds`}`,
  );
  console.log(
    `gazette send:  ${rate(ours)} msg/s (${(ours.ms / 1000).toFixed(2)} s, ledger and all)`,
  );
  if (ceiling)
    console.log(
      `ceiling:       ${rate(ceiling)} msg/s (bare nodemailer pool, one pre-built raw message)`,
    );
  if (overHttp) {
    const versus = ceiling
      ? ` = ${(ceiling.ms / overHttp.ms).toFixed(2)} × the raw SMTP ceiling`
      : "";
    console.log(
      `gazette send over HTTP (postmark transport, local API stand-in, ${pool} connections): ${rate(overHttp)} msg/s${versus}; CPU per message ${perMessage(overHttp)}; peak RSS ${mib(overHttp.maxRssBytes)} MiB (heap ${mib(overHttp.maxHeapBytes)} MiB)`,
    );
  }
  console.log(
    `sender CPU per message: ${perMessage(ours)}${ceiling ? ` (ceiling: ${perMessage(ceiling)})` : ""}`,
  );
  // Each round's ratio, from its two runs back to back.
  const roundRatios = oursRounds.map((round, i) => (ceilingRounds[i]?.ms ?? Number.NaN) / round.ms);
  if (ceiling && rounds > 1)
    console.log(`each round:    ${roundRatios.map((ratio) => `${ratio.toFixed(2)} ×`).join(", ")}`);
  if (ceiling) {
    const ratio = median(roundRatios);
    const apart =
      rounds > 1
        ? `, the rounds' median; of the medians: ${(ceiling.ms / ours.ms).toFixed(2)} ×`
        : "";
    console.log(
      `ratio:         ${ratio.toFixed(2)} × the ceiling${apart} (goal ≥ ${GOAL_RATIO}) ${ratio >= GOAL_RATIO ? "✓" : "✗"}`,
    );
  }
  const rssGoal =
    count >= GOAL_RSS_AT
      ? `goal ≤ ${GOAL_RSS_MIB} MiB at ${GOAL_RSS_AT.toLocaleString("en")}) ${mib(ours.maxRssBytes) <= GOAL_RSS_MIB ? "✓" : "✗"}`
      : `the goal, ≤ ${GOAL_RSS_MIB} MiB, is for ${GOAL_RSS_AT.toLocaleString("en")}: --subscribers ${GOAL_RSS_AT} --sender-only)`;
  console.log(
    `peak RSS:      ${mib(ours.maxRssBytes)} MiB, the gazette sender's process, heap at most ${mib(ours.maxHeapBytes)} MiB (${rssGoal}${ceiling ? `; the ceiling's: ${mib(ceiling.maxRssBytes)} MiB` : ""}`,
  );
  console.log(
    `load average:  ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (${cpus().length} cores; the sink takes one)`,
  );
} finally {
  sink.stop();
  httpSink?.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The round of median wall time (the lower middle one of an even count). */
function medianRound(measured: Measured[]): Measured {
  const sorted = [...measured].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error("no round measured");
  return { ...middle };
}

interface Measured {
  sent: number;
  ms: number;
  cpuMs: number;
  maxRssBytes: number;
  maxHeapBytes: number;
}

function smtpTransportYaml(url: string, poolSize: number): string {
  return `{ type: smtp, url: "${url}", pool: true, maxConnections: ${poolSize} }`;
}

function postmarkTransportYaml(url: string, poolSize: number): string {
  return `{ type: postmark, endpoint: "${url}", maxConnections: ${poolSize} }`;
}

/** The demo pipeline up to a composed issue #1, and `n` active subscribers on its list. */
async function prepareIssue(dir: string, transport: string, n: number) {
  mkdirSync(dir, { recursive: true });
  const configPath = path.join(dir, "gazette.yaml");
  writeFileSync(
    configPath,
    `newsletter: { name: Bench Weekly, baseUrl: "https://news.example.com", postalAddress: 1 Bench Street }
sender: { from: "Bench Weekly <digest@news.example.com>", unsubscribeMailto: unsubscribe@news.example.com }
dataDir: ${path.join(dir, "data")}
templates: ${path.join(ROOT, "templates")}
transport: ${transport}
feeds:
${["northwind-engineering", "lumen-labs", "quarry-data", "orbit-mobile"]
  .map((feed) => `  - url: ${path.join(ROOT, "examples/feeds", `${feed}.xml`)}`)
  .join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d, maxArticles: 20 }
${values.concurrency ? `delivery: { concurrency: ${Number(values.concurrency)} }` : ""}
`,
  );
  const ctx = await openContext({ configPath, env: { PATH: process.env.PATH }, cwd: dir });
  try {
    await collectStage(ctx);
    await enrichStage(ctx);
    const list = ctx.config.lists[0];
    if (!list) throw new Error("no list");
    const composed = await composeStage(ctx, list);
    if (composed.kind === "skipped") throw new Error(`no issue: ${composed.reason}`);
    await seedSubscribers(ctx.store, listNumber(ctx, list), n, ctx.clock.now());
  } finally {
    await ctx.close();
  }
}

/** Runs the compiled bench/send-process.ts with `args`; resolves with what it printed. */
async function runChild(script: string, args: string[], flags: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [...flags, script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${args[0]} exited with ${code}: ${output}`);
  return output;
}

/** A measured run: the one JSON line it prints. */
async function runMeasured(script: string, args: string[]): Promise<Measured> {
  return JSON.parse(await runChild(script, args, profileFlags())) as Measured;
}

/** With --profile DIR, a measured sender writes its CPU profile there (open it in Chrome's DevTools). */
function profileFlags(): string[] {
  if (!values.profile) return [];
  mkdirSync(values.profile, { recursive: true });
  return ["--cpu-prof", "--cpu-prof-dir", path.resolve(values.profile)];
}

/** Starts bench/smtp-sink-process.ts in its own process and reads the port it prints. */
async function startSink(
  script = "bench/smtp-sink-process.ts",
): Promise<{ url: string; count(): Promise<number>; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, script)],
    { stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  if (!child.stdout) throw new Error("no stdout from the sink");
  let isStopping = false;
  // Said at once: a sender that then fails with ECONNREFUSED would not say why.
  child.on("exit", (code, signal) => {
    if (!isStopping) console.error(`the sink ${script} exited (${signal ?? `code ${code}`})`);
  });
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  const { port } = JSON.parse(line) as { port: number };
  return {
    url: script.includes("http") ? `http://127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    count: async () => {
      child.send("count");
      const [reply] = (await once(child, "message")) as [{ accepted: number }];
      return reply.accepted;
    },
    stop: () => {
      isStopping = true;
      child.kill();
    },
  };
}
