import { GazetteError } from "../shared/errors.js";
import { emailKey } from "./email-address.js";
import type { ImportRow, SubscriberImport } from "./ports.js";
import { type CsvProblem, isProblem, readSubscribersCsv } from "./read-subscribers-csv.js";

export interface ImportOptions {
  /** Configured list slug → store id. */
  listIds: Map<string, number>;
  /** Lists for rows whose `lists` cell is empty; none: such a row is a problem. */
  defaultLists: string[];
  /** Said in the problem of a row with no list and no default (e.g. "pass --list"). */
  noListHint?: string;
  /** Recorded on each new membership (import, subscribers-file). */
  source: string;
  now: Date;
  /** Import the good rows and report the bad ones, instead of importing nothing. */
  skipInvalid?: boolean;
  /** Check and count everything, write nothing. */
  dryRun?: boolean;
  /** Called with each valid row's email and list ids (the file sync uses it to find removals). */
  onRow?: (email: string, listIds: number[]) => void;
}

export interface ImportReport {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows left out (only with skipInvalid). */
  invalid: number;
  /** The first problems, with line numbers; `invalid` counts them all. */
  problems: CsvProblem[];
  /** What was read but not used (columns Gazette does not know), with line numbers. */
  warnings: CsvProblem[];
}

const BATCH = 500;
const SHOWN_PROBLEMS = 100;

/**
 * Imports a subscribers CSV in two streaming passes, so a file of millions of rows is never held
 * in memory: 1. read and check every row (address, status, lists); 2. unless a row is bad (and
 * not `skipInvalid`), hand the rows to the store in batches, which applies them in one
 * transaction — all or nothing.
 * Duplicate addresses merge. Existing memberships keep their status: nobody is re-subscribed.
 */
export async function importSubscribers(
  subscribers: SubscriberImport,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    rows: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    invalid: 0,
    problems: [],
    warnings: [],
  };
  const onWarning = (warning: CsvProblem) => report.warnings.push(warning);
  for await (const row of readSubscribersCsv(file, { onWarning })) {
    report.rows++;
    const problem = isProblem(row)
      ? row
      : checkLists(row.line, listsOf(row.lists, options), options);
    if (!problem) continue;
    report.invalid++;
    if (report.problems.length < SHOWN_PROBLEMS) report.problems.push(problem);
  }
  if (report.invalid > 0 && !options.skipInvalid) {
    const more =
      report.invalid > SHOWN_PROBLEMS ? `\n  … and ${report.invalid - SHOWN_PROBLEMS} more` : "";
    const lines = report.problems.map((p) => `  ${file}:${p.line}: ${p.message}`).join("\n");
    throw new GazetteError(
      "CSV_INVALID",
      `nothing imported: ${report.invalid} bad row${report.invalid === 1 ? "" : "s"} (fix them, or pass --skip-invalid):\n${lines}${more}`,
    );
  }
  const counts = await subscribers.importBatches(batchesOf(file, options), options);
  report.added = counts.added;
  report.updated = counts.updated;
  report.unchanged = counts.unchanged;
  return report;
}

/** The good rows of the file in batches of import rows, duplicates within a batch merged. */
async function* batchesOf(file: string, options: ImportOptions): AsyncGenerator<ImportRow[]> {
  let batch = new Map<string, ImportRow>();
  for await (const row of readSubscribersCsv(file)) {
    if (isProblem(row)) continue;
    const slugs = listsOf(row.lists, options);
    if (checkLists(row.line, slugs, options)) continue;
    const listIds = slugs.map((slug) => options.listIds.get(slug) as number);
    options.onRow?.(row.email, listIds);
    const key = emailKey(row.email);
    const previous = batch.get(key);
    // Duplicates within a batch (in any case) merge here, the first spelling kept; across
    // batches, the store matches them by their key.
    batch.set(key, {
      email: previous?.email ?? row.email,
      ...((row.name ?? previous?.name) !== undefined ? { name: row.name ?? previous?.name } : {}),
      listIds: [...new Set([...(previous?.listIds ?? []), ...listIds])],
      status: previous?.status ?? row.status ?? "active",
    });
    if (batch.size >= BATCH) {
      yield [...batch.values()];
      batch = new Map();
    }
  }
  if (batch.size > 0) yield [...batch.values()];
}

function listsOf(lists: string[], options: ImportOptions): string[] {
  return lists.length > 0 ? lists : options.defaultLists;
}

function checkLists(line: number, slugs: string[], options: ImportOptions): CsvProblem | undefined {
  if (slugs.length === 0)
    return { line, message: `no list: give the row a lists cell${options.noListHint ?? ""}` };
  const unknown = slugs.filter((slug) => !options.listIds.has(slug));
  if (unknown.length === 0) return undefined;
  return { line, message: `unknown list ${unknown.map((s) => `"${s.slice(0, 60)}"`).join(", ")}` };
}
