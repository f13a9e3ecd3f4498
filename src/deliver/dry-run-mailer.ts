import { buildMessage } from "./build-message.js";
import type { Mailer } from "./types.js";

/** A Mailer that sends nothing, and counts what it would have sent. */
export interface DryRunMailer extends Mailer {
  /** Messages built so far. */
  readonly count: number;
}

/** For `--dry-run`: builds every message in full, so bad headers still fail, and sends nothing. */
export function createDryRunMailer(): DryRunMailer {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async send(message) {
      const raw = await buildMessage(message);
      count += 1;
      return { messageId: message.messageId, response: `dry run: ${raw.length} bytes, not sent` };
    },
    async close() {},
  };
}
