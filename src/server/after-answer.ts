import { dropLineControls } from "../shared/control-characters.js";
import { describeError } from "../shared/errors.js";

/**
 * Lets a form's work (a lookup, a store write, an email) run after its page was answered. The
 * page is the same for every address, so neither its words nor its timing may depend on that
 * work: a failure is logged as one `gazette serve: <what>: <why>` line, never shown and never an
 * unhandled rejection, and `tell` (a hook for logs and tests) hears how the work ended.
 */
export function afterAnswer<T>(
  work: Promise<T>,
  what: string,
  tell: ((outcome: T | Error) => void) | undefined,
): void {
  void work.then(
    (outcome) => tell?.(outcome),
    (error: unknown) => {
      // A transport's error may quote a remote reply: kept to one line, without escape sequences.
      console.error(`gazette serve: ${what}: ${dropLineControls(describeError(error))}`);
      tell?.(error instanceof Error ? error : new Error(String(error)));
    },
  );
}
