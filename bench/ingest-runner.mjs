// A measured process of `npm run bench:ingest`. Plain JavaScript on the compiled code (dist/),
// so that no TypeScript loader shares the process whose memory is measured.
//
//   node bench/ingest-runner.mjs gazette <config.json> <dataDir>   collectFeeds, as `gazette
//        schedule` or `gazette worker` run it: one process, its parse workers kept between runs
//   node bench/ingest-runner.mjs floor <urls.json> <concurrency>   the floor: fetch + rss-parser
//        parseString, storing nothing
//
// Each "pass" message from the parent runs one pass over every feed and answers { ms, cpuMs,
// counts }; "exit" answers { maxRssMb } and ends the process.
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pLimit from "p-limit";
import Parser from "rss-parser";

const [mode, input, arg] = process.argv.slice(2);

/** @returns {Promise<() => Promise<unknown>>} */
async function gazette() {
  const { collectFeeds } = await import("../dist/ingest/collect-feeds.js");
  const { createParsePool } = await import("../dist/ingest/parse/create-parse-pool.js");
  const { openStore } = await import("../dist/store/index.js");
  const config = JSON.parse(readFileSync(input, "utf8"));
  const store = await openStore(arg);
  const pool = createParsePool({ size: config.collect.parseWorkers });
  const now = () => new Date();
  return () => collectFeeds(store.articleSink, config, now, { force: true, pool });
}

/** @returns {() => Promise<unknown>} */
function floor() {
  const urls = JSON.parse(readFileSync(input, "utf8"));
  /** @type {Map<string, string>} */
  const etags = new Map();
  return () => {
    const limit = pLimit(Number(arg));
    return Promise.all(
      urls.map((/** @type {string} */ url) =>
        limit(async () => {
          const etag = etags.get(url);
          const response = await fetch(url, { headers: etag ? { "if-none-match": etag } : {} });
          if (response.status === 304) return;
          const body = await response.text();
          etags.set(url, response.headers.get("etag") ?? "");
          await new Parser().parseString(body);
        }),
      ),
    );
  };
}

/**
 * CPU milliseconds of the main thread and of all the others (parse workers, V8's helpers), from
 * /proc on Linux; undefined elsewhere.
 * @returns {{ main: number, others: number } | undefined}
 */
function threadCpu() {
  try {
    let main = 0;
    let others = 0;
    for (const task of readdirSync("/proc/self/task")) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      if (task === String(process.pid)) main += ms;
      else others += ms;
    }
    return { main, others };
  } catch {
    return undefined;
  }
}

const pass = mode === "gazette" ? await gazette() : floor();
process.on("message", async (message) => {
  if (message === "exit") {
    process.send?.({ maxRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
    return;
  }
  const cpu = process.cpuUsage();
  const threadsBefore = threadCpu();
  const start = performance.now();
  const report = /** @type {Record<string, unknown> | undefined} */ (await pass());
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const threadsAfter = threadCpu();
  const threads = threadsBefore &&
    threadsAfter && {
      mainMs: threadsAfter.main - threadsBefore.main,
      othersMs: threadsAfter.others - threadsBefore.others,
    };
  const counts = report && {
    fetched: report.fetched,
    unchanged: report.unchanged,
    failed: report.failed,
    newArticles: report.newArticles,
  };
  process.send?.({ ms, cpuMs: (used.user + used.system) / 1000, threads, counts });
});
process.send?.("ready");
