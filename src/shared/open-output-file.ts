import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { GazetteError } from "./errors.js";

const NO_FOLDER =
  "its folder does not exist (check the path; it is relative to the folder you run gazette from)";
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: NO_FOLDER,
  ENOTDIR: NO_FOLDER,
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be written (permission denied)",
};

/**
 * Opens `file` for writing (an `--output` path) and waits until it is open, so that a path that
 * cannot be written ends as one GazetteError naming it (exit 2) instead of an unhandled 'error'
 * event; `shownAs` names it when `file` is a temporary stand-in.
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
