import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { bundleCli, bundleLibraries, STORE_COMMAND_LIBRARIES } from "../scripts/bundle-cli.js";
import { buildDist } from "./compile-bench-process.js";
import { median } from "./median.js";

// npm run bench:cli [-- --runs 9]
// How long `gazette` takes to start: `--help`, and `status` and `lists` on the demo store (the
// bundled demo after one `gazette run`), each the median of several runs of the built CLI (`npm run
// build`: tsc, then the bundle of scripts/bundle-cli.ts), as `npm start` runs it. This
// machine's speed drifts, so every round also times `node -e ""` — a bare Node.js start — and each
// command is printed as a multiple of that, measured in the same rounds. Wall time (the goal) is
// printed with CPU time beside it (Linux: the mean over the runs), which the load of a shared
// machine sways less: a command that waits for the CPU takes longer, not more CPU.
//
// The last row times the libraries that `status` and `lists` load (STORE_COMMAND_LIBRARIES:
// config, store, commander), bundled as the CLI is into one file that imports them and does
// nothing else, and run as the CLI is (bin/run-bundle.cjs, with its compiled code kept): the part
// of those commands' start that is the libraries', not ours.

const ROOT = path.resolve(import.meta.dirname, "..");
const CLI = path.join(ROOT, "bin/gazette.js");
const LIBRARIES_ALONE = path.join(ROOT, "dist/bench/store-command-libraries.cjs");
const RUN_BUNDLE = path.join(ROOT, "bin/run-bundle.cjs");
const PROC_STAT = "/proc/self/stat";
const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const runs = Math.max(1, Number(values.runs));

interface Probe {
  label: string;
  args: string[];
  /** The largest multiple of a bare Node.js start that meets the goal (issue 17). */
  goal?: number;
}

const PROBES: Probe[] = [
  { label: 'node -e ""', args: ["-e", ""] },
  { label: "gazette --help", args: [CLI, "--help"], goal: 2 },
  { label: "gazette status", args: [CLI, "status"], goal: 4 },
  { label: "gazette lists", args: [CLI, "lists"], goal: 4 },
  { label: "their libraries", args: [RUN_BUNDLE, LIBRARIES_ALONE] },
];

buildDist();
await bundleCli();
await bundleLibraries(STORE_COMMAND_LIBRARIES, LIBRARIES_ALONE);
const dir = mkdtempSync(path.join(tmpdir(), "gazette-bench-cli-"));
try {
  const env = demoStore(dir);
  const times = new Map<Probe, number[]>(PROBES.map((probe) => [probe, []]));
  const cpu = new Map<Probe, number>(PROBES.map((probe) => [probe, 0]));
  // The first run of each compiles the bundle and keeps the code (bin/run-bundle.cjs), as a
  // user's first run after an install or upgrade does: timed, and printed apart.
  const firstRun = new Map<Probe, number>(
    PROBES.map((probe) => [probe, timeRun(probe.args, dir, env)]),
  );
  const loadBefore = loadavg()[0] ?? 0;
  // Interleaved, so that a slow spell of the machine weighs on every command alike.
  for (let round = 0; round < runs; round++) {
    for (const probe of PROBES) {
      const cpuBefore = childrenCpuMs();
      times.get(probe)?.push(timeRun(probe.args, dir, env));
      cpu.set(probe, (cpu.get(probe) ?? 0) + (childrenCpuMs() ?? 0) - (cpuBefore ?? 0));
    }
  }
  const loadAfter = loadavg()[0] ?? 0;
  const floor = median(times.get(PROBES[0] as Probe) ?? []);
  const cpuFloor = cpu.get(PROBES[0] as Probe) ?? 0;
  console.log(
    `median of ${runs} runs each, built CLI (bundled, its compiled code kept), demo store (SQLite)`,
  );
  for (const probe of PROBES) {
    const ms = median(times.get(probe) ?? []);
    const ratio = ms / floor;
    const goal =
      probe.goal === undefined
        ? probe.args.includes(LIBRARIES_ALONE)
          ? `${ratio.toFixed(1)} × node (status's ${STORE_COMMAND_LIBRARIES.length} libraries, loaded alone)`
          : "(the floor)"
        : `${ratio.toFixed(1)} × node (goal ≤ ${probe.goal} ×) ${ratio <= probe.goal ? "✓" : "✗"}`;
    const cpuMs = (cpu.get(probe) ?? 0) / runs;
    const cpuText =
      childrenCpuMs() === undefined || cpuFloor === 0
        ? ""
        : `  CPU ${cpuMs.toFixed(0).padStart(4)} ms, ${(cpuMs / (cpuFloor / runs)).toFixed(1)} ×`;
    console.log(`${probe.label.padEnd(16)} ${ms.toFixed(0).padStart(5)} ms  ${goal}${cpuText}`);
  }
  const firsts = PROBES.slice(1).map(
    (probe) => `${probe.label} ${(firstRun.get(probe) ?? 0).toFixed(0)} ms`,
  );
  console.log(`first run, compiling and keeping the code: ${firsts.join(", ")}`);
  console.log(`load average:    ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The bundled demo (config/gazette.yaml, its feeds, subscribers and templates) in `dir`, after one
 * `gazette run`: a store with issue #1 sent to the outbox. Returns the environment to run it with.
 */
function demoStore(dir: string): NodeJS.ProcessEnv {
  const config = parse(readFileSync(path.join(ROOT, "config/gazette.yaml"), "utf8"));
  // Relative paths in a config file are read from its folder (config/).
  const fromRoot = (file: string) => path.resolve(ROOT, "config", file);
  config.dataDir = path.join(dir, "data");
  config.templates = fromRoot(config.templates);
  config.subscribersFile = fromRoot(config.subscribersFile);
  for (const feed of config.feeds) feed.url = fromRoot(feed.url);
  const configPath = path.join(dir, "gazette.yaml");
  writeFileSync(configPath, stringify(config));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GAZETTE_CONFIG: configPath };
  const run = spawnSync(process.execPath, [CLI, "run"], { cwd: dir, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`gazette run failed:\n${run.stdout}${run.stderr}`);
  return env;
}

/** Wall time of one process, from spawn to exit, in ms. */
function timeRun(args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: "ignore" });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}`);
  return ms;
}

/**
 * CPU time (user + system) of the child processes that this one has waited for, in ms: fields
 * cutime and cstime of /proc/self/stat, in clock ticks of 10 ms (Linux's USER_HZ). Undefined
 * where there is no /proc.
 */
function childrenCpuMs(): number | undefined {
  if (!existsSync(PROC_STAT)) return undefined;
  // The fields after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(PROC_STAT, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 16 and 17 of proc(5); this list starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}
