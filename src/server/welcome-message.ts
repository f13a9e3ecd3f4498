import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import type { SigningKey } from "../audience/index.js";
import { unsubscribeUrl, webVersionUrl } from "../audience/index.js";
import type { Config, ListConfig } from "../config/index.js";
import type { OutgoingMessage } from "../deliver/index.js";
import { framedMessage, outgoingFrame } from "../deliver/index.js";
import { escapeMarkup } from "../shared/escape-markup.js";
import { isNamedAsNewsletter } from "../shared/list-name.js";

const FALLBACK = `Welcome to {{list.name}}{{#unless list.namedAsNewsletter}} from {{newsletter.name}}{{/unless}}!

To stop at any time: {{recipient.unsubscribeUrl}}

{{newsletter.postalAddress}}
`;

/**
 * The welcome email a confirmed signup receives once: the theme's `welcome.txt.hbs` (Handlebars,
 * its own instance; subscriber and feed text are data, never template source), with the latest
 * issue's web version when there is one. The HTML part is the same text, escaped, links linked.
 */
export function welcomeMessage(input: {
  config: Config;
  list: ListConfig;
  key: SigningKey;
  listId: number;
  subscriberId: number;
  to: string;
  nonce: string;
  latestIssue?: { number: number; subject: string };
}): OutgoingMessage {
  const { config, list } = input;
  const unsubscribe = unsubscribeUrl(
    config.newsletter.baseUrl,
    input.key,
    input.listId,
    input.subscriberId,
  );
  const file = path.resolve(list.template ?? config.templates, "welcome.txt.hbs");
  const source = existsSync(file) ? readFileSync(file, "utf8") : FALLBACK;
  const template = Handlebars.create().compile(source, { noEscape: true, strict: false });
  const text = template({
    newsletter: config.newsletter,
    list: {
      id: list.id,
      name: list.name,
      namedAsNewsletter: isNamedAsNewsletter(list.name, config.newsletter.name),
    },
    recipient: { unsubscribeUrl: unsubscribe },
    latestIssue: input.latestIssue && {
      ...input.latestIssue,
      url: webVersionUrl(config.newsletter.baseUrl, list.id, input.latestIssue.number),
    },
  });
  const html = `<!doctype html><html lang="${escapeMarkup(config.newsletter.language)}"><body>
${text
  .trim()
  .split(/\n{2,}/)
  .map((paragraph) => `<p>${linkify(escapeMarkup(paragraph)).replace(/\n/g, "<br>")}</p>`)
  .join("\n")}
</body></html>`;
  return framedMessage(outgoingFrame(config, list), {
    kind: "welcome",
    token: input.nonce,
    to: input.to,
    subject: `Welcome to ${list.name}`,
    html,
    text,
    unsubscribeUrl: unsubscribe,
  });
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<>"]+/g, (url) => `<a href="${url}">${url}</a>`);
}
