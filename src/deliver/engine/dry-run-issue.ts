import type { MessageTemplate } from "../mime/message-template.js";
import { recipientParts } from "./recipient-parts.js";
import type { SendIssueInput } from "./send-issue.js";
import { noSends, type SendReport } from "./send-report.js";

const PAGE = 500;

/**
 * `--dry-run`: builds the message of everyone the issue would go to now — fills, encodes and,
 * with a key, signs it — and hands it to the dry-run transport. Writes nothing to the ledger.
 */
export async function dryRunIssue(
  input: SendIssueInput,
  template: MessageTemplate,
  envelopeFrom: string,
): Promise<SendReport> {
  const { store, issue } = input;
  let built = 0;
  let after = 0;
  for (;;) {
    const page = await store.deliveries.unsentRecipients(issue.id, issue.listId, after, PAGE);
    if (page.length === 0) break;
    for (const recipient of page) {
      const messageId = input.messageIdFor(recipient.subscriber_id);
      const raw = await template.build(recipientParts(input, recipient, messageId));
      await input.mailer.sendRaw({
        envelope: { from: envelopeFrom, to: recipient.email },
        messageId,
        raw,
      });
      built++;
    }
    after = page[page.length - 1]?.subscriber_id ?? after;
  }
  // Nothing is left for a dry run to do; the ledger is as it was.
  return { ...noSends(true), built };
}
