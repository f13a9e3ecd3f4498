// Collect throughput: `npm run bench:ingest`. 500 generated feeds (~20 items, ~30 KB each) from a
// local server in a child process; 20% answer 304, the others changed since the last pass. Each
// measured pass follows an unmeasured seeding pass, so it sees exactly that mix. Compared with
// the floor — a bare fetch + rss-parser parseString loop at the same concurrency, storing
// nothing — and, when installed, with rss2email (`r2e`).
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import Parser from "rss-parser";
import { parseConfigText } from "../src/config/index.js";
import { collectFeeds } from "../src/ingest/collect-feeds.js";
import { openStore } from "../src/store/index.js";

const CONCURRENCY = 8;
const ROUNDS = 3;
const GOAL_RATIO = 1.5;
const GOAL_RSS_MB = 200;
const ROOT = fileURLToPath(new URL("../", import.meta.url));

// The parse workers run the compiled code: build it first, as the test setup does.
function build(): void {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "ignore" });
}

function startServer(): Promise<{ child: ChildProcess; urls: string[]; bump(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL("./ingest-server.ts", import.meta.url)));
  const next = () =>
    new Promise<{ port?: number; feeds?: number }>((resolve) =>
      child.once("message", resolve as never),
    );
  return next().then(({ port, feeds }) => ({
    child,
    urls: Array.from({ length: feeds ?? 0 }, (_, i) => `http://127.0.0.1:${port}/f/${i}.xml`),
    bump: async () => {
      const answered = next();
      child.send("bump");
      await answered;
    },
  }));
}

function configFor(urls: string[]) {
  const yaml = `newsletter: { name: Bench, baseUrl: "https://bench.example", postalAddress: "1 Bench St" }
sender: { from: "Bench <bench@bench.example>" }
collect:
  concurrency: ${CONCURRENCY}
  perHostConcurrency: ${CONCURRENCY}
  allowPrivate: ["127.0.0.1"]
  fullText: never
feeds:
${urls.map((url, i) => `  - { url: "${url}", name: "Feed ${i}" }`).join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
`;
  return parseConfigText(yaml, "bench.yaml", {});
}

async function floorPass(urls: string[], etags: Map<string, string>): Promise<void> {
  const limit = pLimit(CONCURRENCY);
  await Promise.all(
    urls.map((url) =>
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
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeRss2email(
  urls: string[],
  bump: () => Promise<void>,
): Promise<number | undefined> | undefined {
  if (spawnSync("sh", ["-c", "command -v r2e"]).status !== 0) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-bench-r2e-"));
  const config = path.join(dir, "r2e.cfg");
  const data = path.join(dir, "r2e.json");
  const feeds = urls.map((url, i) => `[feed.f${i}]\nurl = ${url}\n`).join("\n");
  writeFileSync(config, `[DEFAULT]\nto = bench@bench.example\n\n${feeds}`);
  const run = () =>
    spawnSync("r2e", ["-c", config, "-d", data, "run", "--no-send"], { stdio: "ignore" });
  return (async () => {
    run();
    await bump();
    return timed(async () => run());
  })();
}

async function main(): Promise<void> {
  build();
  const server = await startServer();
  const { urls } = server;
  const store = await openStore(mkdtempSync(path.join(tmpdir(), "gazette-bench-")));
  const config = configFor(urls);
  const now = () => new Date();
  const ours: number[] = [];
  const floor: number[] = [];
  const floorEtags = new Map<string, string>();
  await collectFeeds(store, config, now);
  await floorPass(urls, floorEtags);
  let report: Awaited<ReturnType<typeof collectFeeds>> | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    await server.bump();
    ours.push(
      await timed(async () => (report = await collectFeeds(store, config, now, { force: true }))),
    );
    await floorPass(urls, floorEtags); // brings the floor's validators up to this generation
    await server.bump();
    await collectFeeds(store, config, now, { force: true }); // and ours, unmeasured
    floor.push(await timed(() => floorPass(urls, floorEtags)));
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const wall = median(ours);
  const floorWall = median(floor);
  const ratio = wall / floorWall;
  console.log(
    `Feeds: ${urls.length} (20% answering 304), concurrency ${CONCURRENCY}, median of ${ROUNDS} passes`,
  );
  console.log(
    `  last pass: ${report?.fetched} fetched, ${report?.unchanged} unchanged, ${report?.failed} failed, ${report?.newArticles} new articles`,
  );
  console.log(
    `Gazette collect: ${wall.toFixed(2)} s wall, ${(urls.length / wall).toFixed(0)} feeds/s, peak RSS ${peakRssMb.toFixed(0)} MB (goal ≤ ${GOAL_RSS_MB} MB)`,
  );
  console.log(
    `Floor (fetch + parseString): ${floorWall.toFixed(2)} s wall, ${(urls.length / floorWall).toFixed(0)} feeds/s`,
  );
  console.log(
    `Ratio to the floor: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×) ${ratio <= GOAL_RATIO ? "✓" : "✗"}`,
  );
  const r2e = await timeRss2email(urls, server.bump);
  if (r2e === undefined) console.log("rss2email: not installed (apt install rss2email to compare)");
  else
    console.log(
      `rss2email: ${r2e.toFixed(2)} s wall; Gazette is ${(r2e / wall).toFixed(1)}× faster (goal ≥ 5×)`,
    );
  await store.close();
  server.child.disconnect();
}

await main();
