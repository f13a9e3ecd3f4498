import { createReadStream } from "node:fs";
import { GazetteError } from "../shared/errors.js";

const FILE_ERRORS = {
  ENOENT: "no such file (check the path; it is relative to the folder you run gazette from)",
  EISDIR: "is a folder, not a CSV file",
  EACCES: "cannot be read (permission denied)",
};

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
    }),
  );
  // pipe() does not pass on the file's errors (a missing file): the parser ends with them.
  input.once("error", (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { record, line: info.lines };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES")
      throw new GazetteError("FILE_UNREADABLE", `${file}: ${FILE_ERRORS[code]}`, { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    throw new GazetteError("CSV_INVALID", `${file}: ${message}`, { cause: error });
  }
}
