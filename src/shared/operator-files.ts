import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { GazetteError } from "./errors.js";

// The files an operator names on the command line (`subscribers import x.csv`, `feeds import
// x.opml`, `summarize --input/--output`, `… export --output`): one that cannot be read or written
// ends as one `gazette:` line naming it and what to do (exit 2), never Node's own message.

const CHECK_PATH = "check the path; it is relative to the folder you run gazette from";
const READ_ERRORS: Record<string, string> = {
  ENOENT: `no such file (${CHECK_PATH})`,
  ENOTDIR: `no such file (${CHECK_PATH})`,
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be read (permission denied)",
};
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: `its folder does not exist (${CHECK_PATH})`,
  ENOTDIR: `its folder does not exist (${CHECK_PATH})`,
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be written (permission denied)",
};

/** True for an error of the file system (it names a syscall), not of what was in the file. */
export function isFileSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.syscall === "string";
}

/** The error for an input file that could not be read. */
export function inputFileError(file: string, error: unknown): GazetteError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason = READ_ERRORS[code] ?? `cannot be read (${(error as Error).message})`;
  return new GazetteError("FILE_UNREADABLE", `${file}: ${reason}`, { cause: error });
}

/**
 * Opens `file` for writing (an `--output` path) and waits until it is open, so that a path that
 * cannot be written ends as one GazetteError naming it instead of an unhandled 'error' event;
 * `shownAs` names it when `file` is a temporary stand-in.
 */
export async function openOutputFile(file: string, shownAs = file): Promise<WriteStream> {
  const stream = createWriteStream(file);
  try {
    await once(stream, "open");
    return stream;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = WRITE_ERRORS[code] ?? (error as Error).message;
    throw new GazetteError("USAGE", `cannot write ${shownAs}: ${reason}`, { cause: error });
  }
}
