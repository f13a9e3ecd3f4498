// Collect throughput: `npm run bench:ingest`. 500 generated feeds (~20 items, ~26 KB each) from a
// local server in a child process; 20% answer 304, the others gained one item since the last
// pass. Gazette's collect (as a long-running `gazette schedule` or `gazette worker` runs it) and
// the floor — a bare fetch + rss-parser parseString loop at the same concurrency, storing
// nothing — each run in a process of their own (bench/ingest-runner.mjs, on the compiled code),
// so each one's wall time, CPU and peak RSS are its own. Passes alternate between the two, each
// measured pass following an unmeasured one of the other side, so both see exactly the same
// mix; the first rounds warm both up and are not counted. rss2email (`r2e`; the prebench script
// installs it when it can) is timed on the same feeds.
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseConfigText } from "../src/config/index.js";
import { buildDist } from "./compile-bench-process.js";
import { median } from "./median.js";

const { values } = parseArgs({
  options: {
    /** collect.concurrency, for Gazette and the floor alike. */
    concurrency: { type: "string", default: "8" },
    /** collect.parseWorkers; default: Gazette's own (the cores but one). */
    workers: { type: "string" },
    rounds: { type: "string", default: "5" },
    /** Rounds run first and not counted: JIT, connections, parse workers, caches. */
    warmup: { type: "string", default: "2" },
  },
});
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const GOAL_RATIO = 1.5;
const GOAL_RSS_MB = 200;
const GOAL_RSS2EMAIL = 5;
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNNER = fileURLToPath(new URL("./ingest-runner.mjs", import.meta.url));

interface PassAnswer {
  ms: number;
  cpuMs: number;
  threads?: { mainMs: number; othersMs: number };
  counts?: { fetched: number; unchanged: number; failed: number; newArticles: number };
}

/** A child process answering one message at a time. */
class Child {
  private constructor(private readonly child: ChildProcess) {}

  static async start(script: string, args: string[], execArgv: string[] = []): Promise<Child> {
    const child = fork(script, args, { cwd: ROOT, execArgv });
    const started = new Child(child);
    await started.answer();
    return started;
  }

  answer<T>(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a bench process exited (${code})`));
      this.child.once("exit", onExit);
      this.child.once("message", (message) => {
        this.child.off("exit", onExit);
        resolve(message as T);
      });
    });
  }

  async ask<T>(message: unknown): Promise<T> {
    const answered = this.answer<T>();
    this.child.send(message as string);
    return answered;
  }

  async exit(): Promise<number> {
    const { maxRssMb } = await this.ask<{ maxRssMb: number }>("exit");
    if (this.child.exitCode === null) await once(this.child, "exit");
    return maxRssMb;
  }

  kill(): void {
    this.child.kill();
  }
}

function configJson(urls: string[], dir: string): string {
  const workers = values.workers === undefined ? "" : `\n  parseWorkers: ${values.workers}`;
  const yaml = `newsletter: { name: Bench, baseUrl: "https://bench.example", postalAddress: "1 Bench St" }
sender: { from: "Bench <bench@bench.example>" }
collect:
  concurrency: ${CONCURRENCY}
  perHostConcurrency: ${CONCURRENCY}
  allowPrivate: ["127.0.0.1"]
  fullText: never${workers}
feeds:
${urls.map((url, i) => `  - { url: "${url}", name: "Feed ${i}" }`).join("\n")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
`;
  const file = path.join(dir, "config.json");
  writeFileSync(file, JSON.stringify(parseConfigText(yaml, "bench.yaml", {})));
  return file;
}

/** rss2email on the same feeds: a first run that marks everything seen, then the timed one. */
async function timeRss2email(
  dir: string,
  urls: string[],
  bump: () => Promise<void>,
): Promise<number | undefined> {
  if (spawnSync("sh", ["-c", "command -v r2e"]).status !== 0) return undefined;
  const config = path.join(dir, "r2e.cfg");
  const data = path.join(dir, "r2e.json");
  const feeds = urls.map((url, i) => `[feed.f${i}]\nurl = ${url}\n`).join("\n");
  writeFileSync(config, `[DEFAULT]\nto = bench@bench.example\n\n${feeds}`);
  const run = () => {
    const done = spawnSync("r2e", ["-c", config, "-d", data, "run", "--no-send"], {
      encoding: "utf8",
    });
    if (done.status !== 0) throw new Error(`r2e failed: ${done.stderr}`);
  };
  run();
  await bump();
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  // The runner and the parse workers run the compiled code.
  buildDist();
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-bench-ingest-"));
  const server = await Child.start(
    fileURLToPath(new URL("./ingest-server.ts", import.meta.url)),
    [],
    ["--import", "tsx"],
  );
  const children: Child[] = [server];
  try {
    const { port, feeds } = await server.ask<{ port: number; feeds: number }>("address");
    const urls = Array.from({ length: feeds }, (_, i) => `http://127.0.0.1:${port}/f/${i}.xml`);
    const bump = async () => void (await server.ask("bump"));
    let coldMs = [Number.NaN, Number.NaN];
    const config = configJson(urls, dir);
    const urlsFile = path.join(dir, "urls.json");
    writeFileSync(urlsFile, JSON.stringify(urls));
    const store = path.join(dir, "store");

    // Every article stored once, by a process of its own: its peak is not the one measured.
    const seeder = await Child.start(RUNNER, ["gazette", config, store]);
    await seeder.ask("pass");
    await seeder.exit();

    const ours = await Child.start(RUNNER, ["gazette", config, store]);
    const floor = await Child.start(RUNNER, ["floor", urlsFile, String(CONCURRENCY)]);
    children.push(ours, floor);
    await floor.ask("pass"); // the floor's validators, as the seeding gave ours
    const oursPasses: PassAnswer[] = [];
    const floorPasses: PassAnswer[] = [];
    // The first rounds warm both processes up (JIT, connections, parse workers): not counted.
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      await bump();
      const oursPass = await ours.ask<PassAnswer>("pass");
      await floor.ask("pass"); // brings the floor's validators up to this generation
      await bump();
      await ours.ask("pass"); // and ours, unmeasured
      const floorPass = await floor.ask<PassAnswer>("pass");
      if (round === 0) coldMs = [oursPass.ms, floorPass.ms];
      if (round >= WARMUP) {
        oursPasses.push(oursPass);
        floorPasses.push(floorPass);
      }
    }
    const oursRss = await ours.exit();
    const floorRss = await floor.exit();
    const r2eMs = await timeRss2email(dir, urls, bump);
    report(urls.length, oursPasses, floorPasses, oursRss, floorRss, r2eMs);
    console.log(
      `  not counted: ${WARMUP} rounds of warm-up; the first pass of each process took Gazette ${((coldMs[0] ?? 0) / 1000).toFixed(2)} s (parse workers starting), floor ${((coldMs[1] ?? 0) / 1000).toFixed(2)} s`,
    );
  } finally {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  feeds: number,
  ours: PassAnswer[],
  floor: PassAnswer[],
  oursRss: number,
  floorRss: number,
  r2eMs: number | undefined,
): void {
  const wall = median(ours.map((pass) => pass.ms));
  const floorWall = median(floor.map((pass) => pass.ms));
  const ratio = wall / floorWall;
  const line = (name: string, ms: number, cpuMs: number, rss: number) =>
    `${name}: ${(ms / 1000).toFixed(2)} s wall, ${Math.round((feeds * 1000) / ms)} feeds/s, ` +
    `${(cpuMs / 1000).toFixed(2)} s CPU, peak RSS ${rss.toFixed(0)} MB`;
  const counts = ours.at(-1)?.counts;
  console.log(
    `Feeds: ${feeds} (20% answering 304), concurrency ${CONCURRENCY}, median of ${ROUNDS} passes, ` +
      `each side in its own process`,
  );
  console.log(
    `  a pass: ${counts?.fetched} fetched, ${counts?.unchanged} unchanged, ${counts?.failed} failed, ${counts?.newArticles} new articles`,
  );
  console.log(
    `  passes (s): Gazette ${ours.map((p) => (p.ms / 1000).toFixed(2)).join(", ")}; floor ${floor.map((p) => (p.ms / 1000).toFixed(2)).join(", ")}`,
  );
  console.log(line("Gazette collect", wall, median(ours.map((p) => p.cpuMs)), oursRss));
  const split = ours.map((p) => p.threads).filter((t) => t !== undefined);
  if (split.length > 0)
    console.log(
      `  CPU by thread: main ${(median(split.map((t) => t.mainMs)) / 1000).toFixed(2)} s, parse workers and V8's helpers ${(median(split.map((t) => t.othersMs)) / 1000).toFixed(2)} s`,
    );
  console.log(
    line("Floor (fetch + parseString)", floorWall, median(floor.map((p) => p.cpuMs)), floorRss),
  );
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  console.log(
    `Ratio to the floor: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×) ${mark(ratio <= GOAL_RATIO)}`,
  );
  console.log(
    `Peak RSS: ${oursRss.toFixed(0)} MB (goal ≤ ${GOAL_RSS_MB} MB) ${mark(oursRss <= GOAL_RSS_MB)}`,
  );
  if (r2eMs === undefined)
    console.log("rss2email: not installed (apt install rss2email to compare)");
  else {
    const faster = r2eMs / wall;
    console.log(
      `rss2email (r2e run --no-send): ${(r2eMs / 1000).toFixed(2)} s wall; Gazette is ${faster.toFixed(1)}× faster (goal ≥ ${GOAL_RSS2EMAIL}×) ${mark(faster >= GOAL_RSS2EMAIL)}`,
    );
  }
}

await main();
