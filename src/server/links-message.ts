import type { SigningKey } from "../audience/index.js";
import { joinUrl, preferencesUrl, unsubscribeUrl } from "../audience/index.js";
import type { Config, ListConfig } from "../config/index.js";
import type { OutgoingMessage } from "../deliver/index.js";
import { framedMessage, outgoingFrame } from "../deliver/index.js";
import { escapeMarkup } from "../shared/escape-markup.js";

/** One list a subscriber is on, with its store id. */
export interface MemberList {
  list: ListConfig;
  listId: number;
}

/**
 * The email answering "send me my link" (from `/unsubscribe` or `/preferences` without a token):
 * per list the subscriber is on, their own unsubscribe and preferences links.
 */
export function personalLinksMessage(input: {
  config: Config;
  key: SigningKey;
  subscriberId: number;
  to: string;
  lists: readonly [MemberList, ...MemberList[]];
  nonce: string;
}): OutgoingMessage {
  const { config, key, subscriberId } = input;
  const base = config.newsletter.baseUrl;
  const first = input.lists[0];
  const links = input.lists.map(({ list, listId }) => ({
    name: list.name,
    unsubscribe: unsubscribeUrl(base, key, listId, subscriberId),
    preferences: preferencesUrl(base, key, listId, subscriberId),
  }));
  const intro = `Someone (we hope you) asked for the links to manage your subscription to ${config.newsletter.name}.`;
  const outro = "If it was not you, ignore this email: nothing changes until you open a link.";
  const text = `${intro}

${links.map((l) => `${l.name}\n  Unsubscribe: ${l.unsubscribe}\n  Preferences: ${l.preferences}`).join("\n\n")}

${outro}

${config.newsletter.postalAddress}
`;
  const html = `<!doctype html><html lang="${escapeMarkup(config.newsletter.language)}"><body>
<p>${escapeMarkup(intro)}</p>
${links
  .map(
    (l) =>
      `<p><strong>${escapeMarkup(l.name)}</strong><br><a href="${escapeMarkup(l.unsubscribe)}">Unsubscribe</a> · <a href="${escapeMarkup(l.preferences)}">Manage preferences</a></p>`,
  )
  .join("\n")}
<p>${escapeMarkup(outro)}</p>
<p>${escapeMarkup(config.newsletter.postalAddress)}</p>
</body></html>`;
  // In the frame of the first list (deliver/frame.ts), as one email can have only one List-Id.
  return framedMessage(outgoingFrame(config, first.list), {
    kind: "links",
    token: input.nonce,
    to: input.to,
    subject: `Your links for ${config.newsletter.name}`,
    html,
    text,
    unsubscribeUrl: links[0]?.unsubscribe ?? joinUrl(base, "unsubscribe"),
  });
}
