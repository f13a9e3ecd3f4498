import { createMessageBuilder } from "../mime/build-message.js";
import type { DkimOptions } from "../mime/dkim-options.js";
import type { Mailer } from "./types.js";

/** A Mailer that sends nothing, and counts what it would have sent. */
export interface DryRunMailer extends Mailer {
  /** Messages built so far. */
  readonly count: number;
}

/** For `--dry-run`: builds every message in full, so bad headers still fail, and sends nothing. */
export function createDryRunMailer(options: { dkim?: DkimOptions } = {}): DryRunMailer {
  const builder = createMessageBuilder(options.dkim);
  let count = 0;
  const built = (messageId: string, raw: Buffer) => {
    count += 1;
    return { messageId, response: `dry run: ${raw.length} bytes, not sent` };
  };
  return {
    isDryRun: true,
    get count() {
      return count;
    },
    async send(message) {
      return built(message.messageId, await builder.build(message));
    },
    async sendRaw(message) {
      return built(message.messageId, await builder.finish(message));
    },
    async close() {},
  };
}
