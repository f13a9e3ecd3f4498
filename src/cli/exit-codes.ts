import { GazetteError } from "../shared/errors.js";

/** Documented in the README: 0 ok, 1 failure, 2 usage or config error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The one place that decides an exit code from an error. */
export function exitCodeFor(error: unknown): number {
  if (
    error instanceof GazetteError &&
    ["CONFIG_INVALID", "CONFIG_NOT_FOUND", "USAGE", "FILE_UNREADABLE"].includes(error.code)
  ) {
    return EXIT_USAGE;
  }
  return EXIT_FAILURE;
}
