// Measures the inbox's message classifier against real bounces, complaints and auto-replies from
// two bounce parsers' test suites: `npm run conformance:bounces [DIR] [--verbose]` (DIR defaults to
// ../shared/bounces; its manifest.json holds the expected kind, recipient, status and Message-ID).
// Prints the agreement per kind and per field, plus this repo's own cases (test/fixtures/bounces);
// exits 1 below the floors in scripts/conformance/bounces-threshold.json, or when any auto-reply,
// out-of-office or delay notice is classified as a bounce.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Classification, classifyMessage } from "../src/inbox/index.js";

interface Expected {
  file: string;
  kind: string;
  recipient: string | null;
  status: string | null;
  statusIsSisimaiInternal?: boolean;
  originalMessageId: string | null;
  recipients?: { recipient: string | null }[];
  notes?: string;
}

interface Threshold {
  kinds: Record<string, number>;
  fields: Record<string, number>;
}

interface Row {
  expected: Expected;
  actual: Classification;
  source: string;
}

const BOUNCES = new Set(["hard-bounce", "soft-bounce"]);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dir = path.resolve(
    args.find((arg) => !arg.startsWith("--")) ?? path.join(repoRoot, "../shared/bounces"),
  );
  const threshold = JSON.parse(
    readFileSync(path.join(repoRoot, "scripts/conformance/bounces-threshold.json"), "utf8"),
  ) as Threshold;
  const disputed = JSON.parse(
    readFileSync(path.join(repoRoot, "scripts/conformance/bounces-disputed.json"), "utf8"),
  ).files as Record<string, string>;
  const rows = [
    ...(await run(dir, "corpus")),
    ...(await run(path.join(repoRoot, "test/fixtures/bounces"), "ours")),
  ];
  const failures: string[] = [];
  for (const source of ["corpus", "ours"]) {
    const mine = rows.filter((row) => row.source === source);
    console.log(
      `\n${source === "corpus" ? `Corpus ${dir}` : "Gazette's own cases (test/fixtures/bounces)"}: ${mine.length} messages`,
    );
    console.log("kind          agree   of    rate  (without disputed cases)");
    for (const kind of [
      "hard-bounce",
      "soft-bounce",
      "complaint",
      "auto-reply",
      "unsubscribe",
      "other",
    ]) {
      const ofKind = mine.filter((row) => row.expected.kind === kind);
      if (ofKind.length === 0) continue;
      const agree = ofKind.filter((row) => row.actual.kind === kind).length;
      const counted = ofKind.filter((row) => source !== "corpus" || !disputed[row.expected.file]);
      const agreeCounted = counted.filter((row) => row.actual.kind === kind).length;
      const rate = agreeCounted / Math.max(1, counted.length);
      console.log(
        `${kind.padEnd(13)} ${String(agree).padStart(5)} ${String(ofKind.length).padStart(4)} ${pct(agree / ofKind.length).padStart(7)}  (${agreeCounted}/${counted.length} ${pct(rate)})`,
      );
      const floor = source === "corpus" ? threshold.kinds[kind] : 1;
      if (floor !== undefined && rate < floor)
        failures.push(`${source} ${kind}: ${pct(rate)} is below ${pct(floor)}`);
    }
    const bounced = mine.filter(
      (row) =>
        !BOUNCES.has(row.expected.kind) &&
        row.expected.kind !== "complaint" &&
        BOUNCES.has(row.actual.kind),
    );
    console.log(
      `auto-replies, delay notices and other non-bounces counted as bounces: ${bounced.length}`,
    );
    if (bounced.length > 0)
      failures.push(`${source}: ${bounced.length} non-bounces counted as bounces`);
    for (const [field, rate] of fieldRates(mine)) {
      console.log(
        `${field.padEnd(13)} ${rate.agree}/${rate.of} ${pct(rate.agree / Math.max(1, rate.of))}`,
      );
      const floor = source === "corpus" ? threshold.fields[field] : undefined;
      if (floor !== undefined && rate.agree / Math.max(1, rate.of) < floor)
        failures.push(`${source} ${field}: below ${pct(floor)}`);
    }
  }
  const wrong = rows.filter((row) => row.actual.kind !== row.expected.kind);
  console.log(
    `\n${wrong.length} messages of another kind than expected${verbose ? ":" : " (--verbose lists them)"}`,
  );
  if (verbose)
    for (const row of wrong)
      console.log(
        `  ${row.expected.file}: expected ${row.expected.kind}, got ${row.actual.kind} (${row.actual.reason ?? "-"}; ${row.actual.detail?.slice(0, 100) ?? ""})${disputed[row.expected.file] ? " [disputed]" : ""}`,
      );
  const disputes = Object.keys(disputed).length;
  console.log(
    `${disputes} disputed cases, with reasons, in scripts/conformance/bounces-disputed.json`,
  );
  for (const failure of failures) console.log(`FAIL ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

async function run(dir: string, source: string): Promise<Row[]> {
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    files: Expected[];
  };
  const rows: Row[] = [];
  for (const expected of manifest.files) {
    const raw = readFileSync(path.join(dir, expected.file));
    rows.push({ expected, actual: await classifyMessage(raw), source });
  }
  return rows;
}

/** Agreement on recipient, status and Message-ID, where the manifest expects a value. */
function fieldRates(rows: Row[]): [string, { agree: number; of: number }][] {
  const rates = {
    recipient: { agree: 0, of: 0 },
    status: { agree: 0, of: 0 },
    messageId: { agree: 0, of: 0 },
  };
  for (const { expected, actual } of rows) {
    if (!BOUNCES.has(expected.kind) && expected.kind !== "complaint") continue;
    const recipients = [expected.recipient, ...(expected.recipients ?? []).map((r) => r.recipient)]
      .filter((r): r is string => !!r)
      .map((r) => r.toLowerCase());
    if (recipients.length > 0) {
      rates.recipient.of++;
      if (actual.recipient && recipients.includes(actual.recipient.toLowerCase()))
        rates.recipient.agree++;
    }
    if (expected.status && !expected.statusIsSisimaiInternal) {
      rates.status.of++;
      if (actual.status === expected.status) rates.status.agree++;
    }
    if (expected.originalMessageId) {
      rates.messageId.of++;
      if (actual.messageId === expected.originalMessageId) rates.messageId.agree++;
    }
  }
  return Object.entries(rates);
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

process.exitCode = await main();
