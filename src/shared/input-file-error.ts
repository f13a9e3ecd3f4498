import { GazetteError } from "./errors.js";

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file (check the path; it is relative to the folder you run gazette from)",
  ENOTDIR: "no such file (check the path; it is relative to the folder you run gazette from)",
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be read (permission denied)",
};

/**
 * The error for a file an operator named that could not be read (`subscribers import x.csv`,
 * `feeds import x.opml`, `summarize --input x.jsonl`): one line naming it and what to do, exit 2.
 */
export function inputFileError(file: string, error: unknown): GazetteError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason = READ_ERRORS[code] ?? `cannot be read (${(error as Error).message})`;
  return new GazetteError("FILE_UNREADABLE", `${file}: ${reason}`, { cause: error });
}
