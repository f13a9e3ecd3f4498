import { htmlToPlainLine } from "./html-to-plain-text.js";

// Markup that feeds put inside titles on purpose (Atom type="html", WordPress <em>/<code>).
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?:\s[^<>]*)?\/?>/gi;

/**
 * A title as plain text: inline formatting tags removed, entities decoded once, whitespace
 * collapsed. Anything else that looks like a tag is kept as the literal text it most likely is
 * on an engineering blog ("Why <template> matters", "<script> injection explained"); titles are
 * data, escaped wherever they are shown, so "<script>" stays harmless text.
 */
export function plainTitle(raw: string): string {
  const withoutFormatting = raw.replace(INLINE_TAG, (tag) => (/^<br/i.test(tag) ? " " : ""));
  // Escaping "<" leaves no tag for the HTML parser, so it only decodes the entities.
  return htmlToPlainLine(withoutFormatting.replace(/</g, "&lt;"));
}
