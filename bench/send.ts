import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import { compileMessage } from "../src/deliver/index.js";
import { openContext } from "../src/pipeline/context.js";
import {
  collectStage,
  composeStage,
  enrichStage,
  listId,
  openMailer,
  renderStage,
  sendStage,
} from "../src/pipeline/stages.js";
import { seedSubscribers } from "./seed-bench-store.js";

// npm run bench:send [-- --subscribers 100000 --pool 5]
// Sends the demo issue (20 articles) to N subscribers through the real send stage into an SMTP
// sink running in a separate process, then measures the ceiling: a bare nodemailer pool of the
// same size sending one pre-built raw message N times. Prints msg/s, peak RSS and the ratio.

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "10000" },
    pool: { type: "string", default: "5" },
    /** delivery.concurrency; default: the config's (twice the pool). */
    concurrency: { type: "string" },
  },
});
const count = Number(values.subscribers);
const pool = Number(values.pool);

const sink = await startSink();
const dir = mkdtempSync(path.join(tmpdir(), "gazette-bench-"));
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);
try {
  const ours = await benchSend(dir, sink.url, count, pool);
  const ceiling = await benchCeiling(sink.url, ours.raw, count, pool);
  const accepted = await sink.count();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (accepted !== count * 2) throw new Error(`the sink accepted ${accepted}, not ${count * 2}`);
  const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
  console.log(
    `message: ${(ours.raw.length / 1024).toFixed(1)} KiB, pool of ${pool}, ${count} subscribers`,
  );
  console.log(
    `gazette send:  ${rate(count, ours.ms)} msg/s (${(ours.ms / 1000).toFixed(2)} s, ledger and all)`,
  );
  console.log(
    `ceiling:       ${rate(count, ceiling.ms)} msg/s (bare nodemailer pool, one pre-built raw message)`,
  );
  const perMessage = (cpuMs: number) => `${((cpuMs / count) * 1000).toFixed(0)} µs`;
  console.log(
    `sender CPU per message: ${perMessage(ours.cpuMs)} (ceiling: ${perMessage(ceiling.cpuMs)})`,
  );
  console.log(`ratio:         ${(ceiling.ms / ours.ms).toFixed(2)} × the ceiling (goal ≥ 0.8)`);
  console.log(
    `peak RSS:      ${(peakRss / 1024 / 1024).toFixed(0)} MiB in all; the send: ${ours.peakRssMiB} MiB, goal ≤ 256 MiB at 100,000`,
  );
} finally {
  clearInterval(sampler);
  sink.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The real pipeline: collect → enrich → compose → render the demo, then sendStage to everyone. */
async function benchSend(dir: string, url: string, n: number, poolSize: number) {
  const configPath = path.join(dir, "gazette.yaml");
  writeFileSync(
    configPath,
    `newsletter: { name: Bench Weekly, baseUrl: "https://news.example.com", postalAddress: 1 Bench Street }
sender: { from: "Bench Weekly <digest@news.example.com>", unsubscribeMailto: unsubscribe@news.example.com }
dataDir: ${path.join(dir, "data")}
templates: ${path.join(ROOT, "templates")}
transport: { type: smtp, url: "${url}", pool: true, maxConnections: ${poolSize} }
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
    const rendered = await renderStage(ctx, list, composed.issue);
    await seedSubscribers(ctx.store, await listId(ctx, list), n, ctx.clock.now());
    const raw = await sampleMessage(rendered.compiled);
    const mailer = openMailer(ctx);
    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const watch = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 50);
    const start = performance.now();
    const cpu = process.cpuUsage();
    const report = await sendStage(ctx, list, composed.issue, rendered.compiled, mailer);
    const ms = performance.now() - start;
    const cpuMs = cpuMsSince(cpu);
    clearInterval(watch);
    await mailer.close();
    if (report.sent !== n)
      throw new Error(`sent ${report.sent} of ${n}: ${JSON.stringify(report)}`);
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    return { ms, cpuMs, raw, peakRssMiB: `${mib(rssBefore)} before, peak ${mib(peak)}` };
  } finally {
    await ctx.close();
  }
}

/** One recipient's message, built the way the send builds it: the ceiling sends these bytes. */
async function sampleMessage(compiled: Awaited<ReturnType<typeof renderStage>>["compiled"]) {
  const unsubscribeUrl = "https://news.example.com/unsubscribe/k1.sample-token-of-typical-length";
  const fill = (recipient: Parameters<typeof compiled.fill>[0]) => compiled.fill(recipient);
  const template = await compileMessage(
    {
      from: "Bench Weekly <digest@news.example.com>",
      subject: compiled.subject,
      listId: "Weekly <weekly.news.example.com>",
      unsubscribeMailto: "unsubscribe@news.example.com",
      headers: { "X-Gazette-Issue": "weekly/1", "Feedback-ID": "1:weekly:gazette:bench" },
    },
    fill,
  );
  return template.build({
    recipient: {
      email: "reader0@bench.example.com",
      name: "Reader 0",
      unsubscribeUrl,
      preferencesUrl: "https://news.example.com/preferences/k1.sample-token-of-typical-length",
    },
    messageId: "<gz.bench.1.1@news.example.com>",
    subscriberId: 1,
    date: new Date(),
  });
}

/** A bare nodemailer pool sending the same raw message n times, 100 in flight. */
async function benchCeiling(url: string, raw: Buffer, n: number, poolSize: number) {
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: poolSize });
  const envelope = { from: "digest@news.example.com", to: "reader0@bench.example.com" };
  let next = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next++ < n) await transporter.sendMail({ envelope, raw });
    }),
  );
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  transporter.close();
  return { ms, cpuMs };
}

/** CPU milliseconds (user + system) this process used since `start`. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** Starts bench/smtp-sink-process.ts in its own process and reads the port it prints. */
async function startSink(): Promise<{ url: string; count(): Promise<number>; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/smtp-sink-process.ts")],
    { stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  if (!child.stdout) throw new Error("no stdout from the sink");
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  const { port } = JSON.parse(line) as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: async () => {
      child.send("count");
      const [reply] = (await once(child, "message")) as [{ accepted: number }];
      return reply.accepted;
    },
    stop: () => child.kill(),
  };
}
