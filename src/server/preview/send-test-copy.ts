import { randomBytes } from "node:crypto";
import { normalizeEmail } from "../../audience/email-address.js";
import { advertisedMailto } from "../../config/index.js";
import { formatAddress } from "../../deliver/mime/format-address.js";
import { GazetteError } from "../../shared/errors.js";
import { loadPreview } from "./load-preview.js";
import type { PreviewDeps } from "./preview-deps.js";
import type { PreviewSelection } from "./preview-selection.js";

/**
 * Sends the previewed email, as filled for the chosen reader, to one address through the
 * configured transport: subject "[Test] …", no ledger row, nothing recorded. Returns the address.
 */
export async function sendTestCopy(
  deps: PreviewDeps,
  selection: PreviewSelection,
  to: string,
): Promise<string> {
  const address = normalizeEmail(to);
  if (!address) throw new GazetteError("USAGE", `"${to}" is not an email address`);
  const state = await loadPreview(deps, selection);
  if (!state.message) throw new GazetteError("USAGE", "there is no email to send yet");
  const { config } = deps.ctx;
  const sender = state.list.sender ?? config.sender;
  const from = formatAddress(sender.from);
  const host = new URL(config.newsletter.baseUrl).hostname;
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? host;
  await deps.mailer.send({
    from,
    ...(sender.replyTo ? { replyTo: formatAddress(sender.replyTo) } : {}),
    to: address,
    subject: `[Test] ${state.message.subject}`,
    html: state.message.html,
    text: state.message.text,
    messageId: `<gz.test.${randomBytes(8).toString("hex")}@${domain}>`,
    listId: `${state.list.name} <${state.list.id}.${host}>`,
    unsubscribe: {
      url: state.reader.recipient.unsubscribeUrl,
      ...(advertisedMailto(config) ? { mailto: advertisedMailto(config) } : {}),
    },
    headers: { "X-Gazette-Test": "1" },
  });
  return address;
}
