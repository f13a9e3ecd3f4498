// Measures Gazette's parse → normalize → sanitize path against other parsers' test suites and
// real blog feeds: `npm run conformance [DIR] [--verbose]` (DIR defaults to ../shared/conformance).
// Prints a pass rate per category; exits 1 when a category a newsletter depends on is below 95%.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseFeed } from "../src/ingest/parse/parse-feed.js";
import { checkRealFeeds } from "./conformance/check-real-feeds.js";
import { type CaseResult, type ManifestCase, NOW, runCase } from "./conformance/run-case.js";

const GOAL = 0.95;
// The categories a newsletter depends on; the manifest spells JSON Feed two ways.
const GOAL_GROUPS: Record<string, string> = {
  rss2: "rss2",
  "atom1.0": "atom1.0",
  "rss1.0": "rss1.0",
  "json-feed": "json",
  jsonfeed: "json",
  "relative-urls": "relative-urls",
  sanitize: "sanitize",
  encoding: "encoding",
  entities: "entities",
  "ill-formed": "ill-formed",
  "real-feeds": "real-feeds",
};
const FAILURES_SHOWN = 40;
const WHY_SHOWN = 240;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dir = path.resolve(
    args.find((arg) => !arg.startsWith("--")) ?? path.join(repoRoot, "../shared/conformance"),
  );
  const started = performance.now();
  const manifest = JSON.parse(readFileSync(path.join(dir, "feeds/manifest.json"), "utf8"));
  const results: CaseResult[] = [];
  for (const entry of manifest.files as ManifestCase[]) {
    results.push(await runCase(path.join(dir, "feeds"), entry));
  }
  results.push(...(await checkRealFeeds(path.join(dir, "real-feeds"))));
  const seconds = (performance.now() - started) / 1000;

  const belowGoal = printTable(results);
  printFailures(results, verbose);
  const naChecks = results.reduce((sum, result) => sum + result.naChecks, 0);
  const naCases = results.filter((result) => result.status === "na").length;
  console.log(
    `\n${naChecks} checks on fields Gazette does not model were not applicable (n/a); ${naCases} cases had only such checks.`,
  );
  console.log(
    `Hostile input: 1 MB of "&lt;" in a description parsed in ${await timeHostile()} ms.`,
  );
  console.log(`${results.length} cases in ${seconds.toFixed(1)} s.`);
  if (belowGoal.length > 0) console.log(`Below the ${GOAL * 100}% goal: ${belowGoal.join(", ")}`);
  return belowGoal.length > 0 ? 1 : 0;
}

/** Prints one row per category; returns the goal categories below the goal. */
function printTable(results: CaseResult[]): string[] {
  const groups = new Map<string, CaseResult[]>();
  for (const result of results) {
    const name = GOAL_GROUPS[result.category] ?? result.category;
    groups.set(name, [...(groups.get(name) ?? []), result]);
  }
  const goals = new Set(Object.values(GOAL_GROUPS));
  const rows = [...groups].sort(
    ([a], [b]) => Number(goals.has(b)) - Number(goals.has(a)) || a.localeCompare(b),
  );
  console.log(
    ["category".padEnd(24), "cases", "passed", "n/a", "disputed", "  rate", "goal"].join("\t"),
  );
  const below: string[] = [];
  for (const [name, group] of rows) {
    const passed = group.filter((result) => result.status === "pass").length;
    const na = group.filter((result) => result.status === "na").length;
    const disputed = group.filter((result) => result.status === "disputed").length;
    const judged = group.length - na - disputed;
    const rate = judged === 0 ? 1 : passed / judged;
    const isGoal = goals.has(name);
    if (isGoal && rate < GOAL) below.push(name);
    const cells = [
      name.padEnd(24),
      group.length,
      passed,
      na,
      disputed,
      `${(rate * 100).toFixed(1)}%`.padStart(6),
      isGoal ? "95%" : "-",
    ];
    console.log(cells.join("\t"));
  }
  return below;
}

function printFailures(results: CaseResult[], verbose: boolean): void {
  const shorten = (why = "") =>
    verbose || why.length <= WHY_SHOWN ? why : `${why.slice(0, WHY_SHOWN)}…`;
  const print = (result: CaseResult) =>
    console.log(`  [${result.category}] ${result.file}: ${shorten(result.why)}`);
  const disputed = results.filter((result) => result.status === "disputed");
  if (disputed.length > 0) {
    console.log(`\n${disputed.length} disputed cases (see scripts/conformance/disputed.ts):`);
    disputed.forEach(print);
  }
  const failures = results.filter((result) => result.status === "fail");
  if (failures.length === 0) return;
  const shown = verbose ? failures : failures.slice(0, FAILURES_SHOWN);
  const more = verbose ? "" : ` (first ${shown.length}; --verbose for all)`;
  console.log(`\n${failures.length} failing cases${more}:`);
  shown.forEach(print);
}

// rss-parser's contentSnippet is quadratic on "&lt;": our path must stay linear.
async function timeHostile(): Promise<number> {
  const body = "&lt;".repeat(256 * 1024);
  const xml = `<rss version="2.0"><channel><title>t</title><item><link>https://x.invalid/</link><description>${body}</description></item></channel></rss>`;
  const started = performance.now();
  await parseFeed(xml, { feedUrl: "https://x.invalid/feed", now: NOW });
  return Math.round(performance.now() - started);
}

process.exitCode = await main();
