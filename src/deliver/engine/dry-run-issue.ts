import type { MessageTemplate } from "../mime/message-template.js";
import { recipientParts } from "./recipient-parts.js";
import type { SendIssueInput } from "./send-input.js";
import { noSends, type SendReport } from "./send-report.js";

const PAGE = 500;

/**
 * The send's dry-run mode: builds the message of everyone the issue would go to now — fills,
 * encodes and, with a key, signs it (the transport's check) — and hands nothing over. Writes
 * nothing to the ledger.
 */
export async function dryRunIssue(
  input: SendIssueInput,
  template: MessageTemplate,
): Promise<SendReport> {
  const { ledger, issue } = input;
  let built = 0;
  let after = 0;
  for (;;) {
    const page = await ledger.unsentRecipients(issue.id, issue.listId, after, PAGE);
    if (page.length === 0) break;
    for (const recipient of page) {
      const messageId = input.messageIdFor(recipient.subscriberId);
      await input.transport.check(template.prepare(recipientParts(input, recipient, messageId)));
      built++;
    }
    after = page[page.length - 1]?.subscriberId ?? after;
  }
  // Nothing is left for a dry run to do; the ledger is as it was.
  return { ...noSends(true), built };
}
