import { createReadStream } from "node:fs";
import { GazetteError } from "../shared/errors.js";
import { inputFileError, isFileSystemError } from "../shared/operator-files.js";

// A row of a subscribers or suppressions CSV (an address, a name, list ids) is far shorter; a
// longer one (a line of a gigabyte) is no such file, and csv-parse would hold it whole in memory.
const MAX_ROW = 64 * 1024;

/**
 * Streams a CSV file an operator hands Gazette (subscribers, suppressions), one row at a time with
 * its line number. A file that cannot be read or parsed ends as one GazetteError naming the file.
 */
export async function* readCsvRows(
  file: string,
): AsyncGenerator<{ record: string[]; line: number }> {
  // Loaded here, not with the audience face, which the CLI start path imports (issue 17 §6).
  const { parse } = await import("csv-parse");
  const input = createReadStream(file);
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      // Not `trim`: it refuses a quote followed by text ("x"@y), which must be a row problem.
      ltrim: true,
      info: true,
      relax_column_count: true,
      // A stray quote inside a cell is that row's problem (a bad address), not the whole file's.
      relax_quotes: true,
      max_record_size: MAX_ROW,
    }),
  );
  // pipe() does not pass on the file's errors (a missing file): the parser ends with them.
  input.once("error", (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // csv-parse reads the bytes as UTF-8 and turns what is not into U+FFFD: a file saved as
      // Windows-1252 or Latin-1 (Excel's plain "CSV") became "Jos� Mu�oz", and an address with
      // such a byte was stored with the U+FFFD in it. The whole file is refused, as it is all in
      // one encoding: its other rows are no better.
      if (record.some((cell) => cell.includes("\uFFFD"))) throw notUtf8(file, info.lines);
      yield { record, line: info.lines };
    }
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    if (isFileSystemError(error)) throw inputFileError(file, error);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "CSV_MAX_RECORD_SIZE") {
      const { lines } = error as { lines?: number };
      const message = `${file}:${lines ?? "?"}: a row of more than ${MAX_ROW} characters (no CSV that Gazette reads has one)`;
      throw new GazetteError("CSV_INVALID", message, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new GazetteError("CSV_INVALID", `${file}: ${message}`, { cause: error });
  }
}

function notUtf8(file: string, line: number): GazetteError {
  return new GazetteError(
    "CSV_INVALID",
    `${file}:${line}: not UTF-8 text (a byte no UTF-8 character has, or U+FFFD); save the file as UTF-8 ("CSV UTF-8" in Excel) and import it again`,
  );
}
