import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { GazetteError } from "../shared/errors.js";
import { normalizeEmail } from "./email-address.js";

export interface SubscriberRecord {
  line: number;
  email: string;
  name?: string;
  /** List ids from the `lists` column (separated by ; or |); empty means "the default list(s)". */
  lists: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Streams a subscribers CSV (header row with `email`, optional `name` and `lists`) and returns the
 * valid rows and every problem with its line number. Duplicate addresses are merged.
 */
export async function readSubscribersCsv(
  file: string,
): Promise<{ records: SubscriberRecord[]; problems: CsvProblem[] }> {
  const records = new Map<string, SubscriberRecord>();
  const problems: CsvProblem[] = [];
  const parser = createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!("email" in record)) {
        throw new GazetteError("CSV_INVALID", `${file}:1: no "email" column in the header row`);
      }
      const email = normalizeEmail(record.email ?? "");
      if (!email) {
        problems.push({ line, message: `"${record.email ?? ""}" is not a valid email address` });
        continue;
      }
      const lists = (record.lists ?? "")
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const previous = records.get(email);
      records.set(email, {
        line,
        email,
        name: record.name || previous?.name || undefined,
        lists: [...new Set([...(previous?.lists ?? []), ...lists])],
      });
    }
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new GazetteError("CSV_INVALID", `${file}: ${message}`, { cause: error });
  }
  return { records: [...records.values()], problems };
}
