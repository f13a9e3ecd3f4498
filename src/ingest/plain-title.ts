import { htmlToPlainLine } from "./html-to-plain-text.js";

// Markup that feeds put inside titles on purpose (Atom type="html", WordPress <em>/<code>).
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|big|blink|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|nobr|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr)(?:\s[^<>]*)?\/?>/gi;
// Comments (an unclosed one ends at the next ">", as SGML reads it) and <!DOCTYPE …>.
const DECLARATION = /<!--[\s\S]*?-->|<!--[^>]*(?:>|$)|<![A-Za-z][^>]*>/g;
// Elements whose text is code, not words; with attributes they cannot be prose.
const CODE_ELEMENT =
  /<(script|style|applet|iframe|object|noscript|textarea|select)\s[^>]*>(?:[\s\S]*?<\/\1\s*>)?/gi;
// A block element around text, paired (`<div>…</div>`): the wrapper of an html or xhtml title.
const BLOCK_PAIR = /<(div|p|h[1-6]|blockquote|center)>([\s\S]*?)<\/\1\s*>/gi;
// A tag with attributes (`<embed src="…">`, `<div xmlns="…">`) is markup, never literal text.
const TAG_WITH_ATTRIBUTES = /<([A-Za-z][\w:-]*)\s+[^<>]*=[^<>]*>/g;

/**
 * A title as plain text: inline formatting and markup with attributes removed (code elements
 * with their content), entities decoded once, whitespace collapsed. A bare tag-like word is kept
 * as the literal text it most likely is on an engineering blog ("Why <template> matters",
 * "<script> injection explained"); titles are data, escaped wherever they are shown.
 */
export function plainTitle(raw: string): string {
  const closed = new Set<string>();
  const text = raw
    .replace(DECLARATION, "")
    .replace(CODE_ELEMENT, "")
    .replace(TAG_WITH_ATTRIBUTES, (_tag, name: string) => {
      closed.add(name.toLowerCase());
      return "";
    })
    .replace(/<\/([A-Za-z][\w:-]*)\s*>/g, (tag, name: string) =>
      closed.has(name.toLowerCase()) ? "" : tag,
    )
    .replace(BLOCK_PAIR, " $2 ")
    .replace(INLINE_TAG, (tag) => (/^<br/i.test(tag) ? " " : ""));
  // Escaping "<" leaves no tag for the HTML parser, so it only decodes the entities.
  return htmlToPlainLine(text.replace(/</g, "&lt;"));
}
