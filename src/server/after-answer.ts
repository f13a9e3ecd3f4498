import { dropLineControls } from "../shared/control-characters.js";
import { describeError } from "../shared/errors.js";

/** The work that forms run after their page was answered, and a way to wait for it. */
export interface AfterAnswer {
  /**
   * Lets a form's work (a lookup, a store write, an email) run after its page was answered. The
   * page is the same for every address, so neither its words nor its timing may depend on that
   * work: a failure is logged as one `gazette serve: <what>: <why>` line, never shown and never an
   * unhandled rejection, and `tell` (a hook for logs and tests) hears how the work ended.
   */
  run<T>(work: Promise<T>, what: string, tell: ((outcome: T | Error) => void) | undefined): void;
  /** Settles when every piece of work run so far has ended: a stopping server waits for it. */
  settled(): Promise<void>;
}

export function createAfterAnswer(): AfterAnswer {
  const running = new Set<Promise<void>>();
  return {
    run(work, what, tell) {
      const ended: Promise<void> = work.then(
        (outcome) => tell?.(outcome),
        (error: unknown) => {
          // A transport's error may quote a remote reply: kept to one line, without escape sequences.
          console.error(`gazette serve: ${what}: ${dropLineControls(describeError(error))}`);
          tell?.(error instanceof Error ? error : new Error(String(error)));
        },
      );
      running.add(ended);
      void ended.finally(() => running.delete(ended));
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
