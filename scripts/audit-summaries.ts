// The defect audit: `npm run audit:summaries [FEED…] [--json] [--check]`. Runs collect and enrich
// (the configured default summarizer) over the feeds into a temporary store, offline, and prints
// per defect kind the count and each offending entry, then the share of entries with text that
// have at least one defect. FEED: a feed file or URL, or a folder of feeds (its manifest.json
// names them when it has one); default: examples/feeds/ and ../shared/conformance/real-feeds/.
// --check: exit 1 when the share is above eval/audit-threshold.json (the CI ratchet), or above
// the one in --threshold FILE. Exit 2: a usage mistake (unknown option, no such feed).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildAuditReport, formatAuditReport } from "./audit/audit-report.js";
import { checkThreshold, readAuditThreshold } from "./audit/audit-threshold.js";
import { collectEntries } from "./audit/collect-entries.js";
import { feedsIn, UsageError } from "./audit/feeds-in.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_TARGETS = [
  path.join(ROOT, "examples/feeds"),
  path.join(ROOT, "../shared/conformance/real-feeds"),
];
const THRESHOLD_FILE = path.join(ROOT, "eval/audit-threshold.json");
const USAGE = "usage: npm run audit:summaries -- [FEED…] [--json] [--check] [--threshold FILE]";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments(argv);
  const targets = positionals.length > 0 ? positionals : DEFAULT_TARGETS;
  const feeds = targets.flatMap((target) => feedsIn(target));
  const { entries, problems } = await collectEntries(feeds, { repoRoot: ROOT });
  const report = buildAuditReport(entries);
  const thresholdFile = values.threshold ?? (values.check ? THRESHOLD_FILE : undefined);
  const check = thresholdFile
    ? checkThreshold(report.share, readAuditThreshold(thresholdFile))
    : undefined;
  if (values.json) {
    console.log(JSON.stringify({ feeds, problems, ...report, check }, null, 2));
  } else {
    console.log(`Defect audit of ${feeds.length} feeds`);
    for (const problem of problems) console.log(`  problem: ${problem}`);
    console.log(formatAuditReport(report));
    if (check) console.log(check.message);
  }
  return check && !check.ok ? 1 : 0;
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        check: { type: "boolean" },
        threshold: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${USAGE})`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit:summaries: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
