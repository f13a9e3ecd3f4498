import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompiledIssue } from "../src/render/index.js";

// The senders of `npm run bench:send`, one process each, run from the compiled code (bench/send.ts
// builds it), so that the peak RSS each reports is its own:
//   sample <dir> <file>   writes one recipient's message of the issue prepared in <dir>, built as
//                         the send builds it
//   gazette <dir>         the send stage on that issue, to every subscriber
//   ceiling <url> <file> <count> <pool>  a bare nodemailer pool sending the sample <count> times,
//                         100 in flight
// gazette and ceiling print one JSON line: { sent, ms, cpuMs, maxRssBytes }, timed around the
// sending alone.

interface Measured {
  sent: number;
  ms: number;
  cpuMs: number;
  maxRssBytes: number;
  /** The largest V8 heap in use seen by a sampler every 250 ms while sending. */
  maxHeapBytes: number;
}

/** The sample's Message-ID, given to nodemailer with it as the send stage gives each delivery's. */
const SAMPLE_MESSAGE_ID = "<gz.bench.1.1@news.example.com>";

const [mode, ...args] = process.argv.slice(2);
if (mode === "sample") await writeSample(args);
else {
  const result = mode === "gazette" ? await sendIssueOnce(args) : await sendCeiling(args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * Times `send`, in wall and CPU time; the peak RSS is the whole process's, start-up included.
 * With GAZETTE_BENCH_TRACE=1 in the environment (`--trace-memory`), prints the process's memory
 * to stderr every 5 s while it sends, to see where a peak comes from.
 */
async function measure(send: () => Promise<number>): Promise<Measured> {
  const isTracing = process.env.GAZETTE_BENCH_TRACE === "1";
  const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
  if (isTracing) process.stderr.write(`memory: peak rss ${mib(maxRss())} MiB before sending\n`);
  let maxHeapBytes = 0;
  let ticks = 0;
  let peakShown = maxRss();
  const started = performance.now();
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    maxHeapBytes = Math.max(maxHeapBytes, memory.heapUsed);
    // A new peak is said when it happens, with the heap then: what made it is near.
    if (isTracing && maxRss() > peakShown + 8 * 1024 * 1024) {
      peakShown = maxRss();
      process.stderr.write(
        `memory: new peak rss ${mib(peakShown)} MiB at ${((performance.now() - started) / 1000).toFixed(1)} s (heap ${mib(memory.heapUsed)} of ${mib(memory.heapTotal)} MiB)\n`,
      );
    }
    if (isTracing && ++ticks % 20 === 0) {
      process.stderr.write(
        `memory: rss ${mib(memory.rss)} MiB (peak so far ${mib(maxRss())}), heap ${mib(memory.heapUsed)} MiB, external ${mib(memory.external)} MiB, buffers ${mib(memory.arrayBuffers)} MiB\n`,
      );
    }
  }, 250).unref();
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const sent = await send();
    const ms = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    const heapUsed = process.memoryUsage().heapUsed;
    return {
      sent,
      ms,
      cpuMs: (user + system) / 1000,
      maxRssBytes: maxRss(),
      maxHeapBytes: Math.max(maxHeapBytes, heapUsed),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** process.resourceUsage() reports the peak in KiB. */
function maxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** What `gazette send` does: open, render the issue once, send it to every subscriber. */
async function sendIssueOnce([dir]: string[]): Promise<Measured> {
  if (!dir) throw new Error("usage: gazette <dir>");
  const { openTransport, sendStage } = await import("../src/pipeline/send-stage.js");
  const { ctx, list, issue, compiled } = await openIssue(dir);
  try {
    const mailer = await openTransport(ctx);
    try {
      return await measure(async () => {
        const report = await sendStage(ctx, list, issue, compiled, mailer);
        return report.sent;
      });
    } finally {
      await mailer.close();
    }
  } finally {
    await ctx.close();
  }
}

/** The prepared issue #1, rendered. */
async function openIssue(dir: string) {
  const { openContext } = await import("../src/pipeline/context.js");
  const { listNumber } = await import("../src/pipeline/find-list.js");
  const { renderStage } = await import("../src/pipeline/render-stage.js");
  const ctx = await openContext({
    configPath: path.join(dir, "gazette.yaml"),
    // The HTTP run's transport (Postmark's wire format, a local stand-in) reads its token here.
    env: { PATH: process.env.PATH, POSTMARK_SERVER_TOKEN: "bench-token" },
    cwd: dir,
  });
  const list = ctx.config.lists[0];
  if (!list) throw new Error("no list");
  const issue = await ctx.store.issues.byNumberOrThrow(listNumber(ctx, list), list.id, 1);
  const { compiled } = await renderStage(ctx, list, issue);
  return { ctx, list, issue, compiled };
}

async function writeSample([dir, file]: string[]): Promise<void> {
  if (!dir || !file) throw new Error("usage: sample <dir> <file>");
  const { ctx, compiled } = await openIssue(dir);
  try {
    writeFileSync(file, await sampleMessage(compiled));
  } finally {
    await ctx.close();
  }
}

/** One recipient's message, built the way the send builds it: the ceiling sends these bytes. */
async function sampleMessage(compiled: CompiledIssue): Promise<Buffer> {
  const { compileMessage } = await import("../src/deliver/index.js");
  const template = await compileMessage(
    {
      from: "Bench Weekly <digest@news.example.com>",
      subject: compiled.subject,
      listIdHeader: "Weekly <weekly.news.example.com>",
      unsubscribeMailto: "unsubscribe@news.example.com",
      headers: { "X-Gazette-Issue": "weekly/1", "Feedback-ID": "1:weekly:gazette:bench" },
    },
    (recipient) => compiled.fill(recipient),
  );
  return template.build({
    recipient: {
      email: "reader0@bench.example.com",
      name: "Reader 0",
      unsubscribeUrl: "https://news.example.com/unsubscribe/k1.sample-token-of-typical-length",
      preferencesUrl: "https://news.example.com/preferences/k1.sample-token-of-typical-length",
    },
    messageId: SAMPLE_MESSAGE_ID,
    subscriberRef: `k1.${"A".repeat(32)}`, // as long as a sealed X-Gazette-Subscriber value
    date: new Date(),
  });
}

/** The ceiling: one pre-built raw message sent `count` times through a bare pool, 100 in flight. */
async function sendCeiling([url, sampleFile, count, pool]: string[]): Promise<Measured> {
  if (!url || !sampleFile) throw new Error("usage: ceiling <url> <sample-file> <count> <pool>");
  const { default: nodemailer } = await import("nodemailer");
  const raw = readFileSync(sampleFile);
  const n = Number(count);
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: Number(pool),
  });
  const envelope = { from: "digest@news.example.com", to: "reader0@bench.example.com" };
  try {
    return await measure(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          while (next++ < n)
            await transporter.sendMail({ envelope, raw, messageId: SAMPLE_MESSAGE_ID });
        }),
      );
      return n;
    });
  } finally {
    transporter.close();
  }
}
