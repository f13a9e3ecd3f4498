import type { SigningKey } from "../audience/index.js";
import { joinUrl, unsubscribeUrl } from "../audience/index.js";
import type { Config, ListConfig } from "../config/index.js";
import type { OutgoingMessage } from "../deliver/index.js";
import { framedMessage, outgoingFrame } from "../deliver/index.js";
import { escapeMarkup } from "../shared/escape-markup.js";
import { isNamedAsNewsletter } from "../shared/list-name.js";

/** The double opt-in email, in the list's frame: one link that confirms, nothing else to click. */
export function confirmationMessage(input: {
  config: Config;
  list: ListConfig;
  key: SigningKey;
  listId: number;
  subscriberId: number;
  to: string;
  confirmToken: string;
  nonce: string;
}): OutgoingMessage {
  const { config, list } = input;
  const link = joinUrl(config.newsletter.baseUrl, `confirm/${input.confirmToken}`);
  const from = isNamedAsNewsletter(list.name, config.newsletter.name)
    ? ""
    : ` from ${config.newsletter.name}`;
  const text = `Please confirm that you want ${list.name}${from}:

${link}

If you did not ask for this, ignore this email: without a confirmation you get nothing more.

${config.newsletter.postalAddress}
`;
  const html = `<!doctype html><html lang="${escapeMarkup(config.newsletter.language)}"><body>
<p>Please confirm that you want <strong>${escapeMarkup(list.name)}</strong>${escapeMarkup(from)}.</p>
<p><a href="${escapeMarkup(link)}">Confirm my subscription</a></p>
<p>If you did not ask for this, ignore this email: without a confirmation you get nothing more.</p>
<p>${escapeMarkup(config.newsletter.postalAddress)}</p>
</body></html>`;
  return framedMessage(outgoingFrame(config, list), {
    kind: "confirm",
    token: input.nonce,
    to: input.to,
    subject: `Confirm your subscription to ${list.name}`,
    html,
    text,
    unsubscribeUrl: unsubscribeUrl(
      config.newsletter.baseUrl,
      input.key,
      input.listId,
      input.subscriberId,
    ),
  });
}
