import { dropLineControls } from "../../shared/control-characters.js";
import { htmlToPlainLine } from "./html-to-plain-text.js";

// Markup that feeds put inside titles on purpose (Atom type="html", WordPress <em>/<code>).
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|big|blink|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|nobr|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr)(?:\s[^<>]*)?\/?>/gi;
// Comments (an unclosed one ends at the next ">", as SGML reads it) and <!DOCTYPE …>.
const DECLARATION = /<!--[\s\S]*?-->|<!--[^>]*(?:>|$)|<![A-Za-z][^<>]*>/g;
// The same where no "-->" follows: every comment is unclosed there.
const UNCLOSED_DECLARATION = /<!--[^>]*(?:>|$)|<![A-Za-z][^<>]*>/g;
// Elements whose text is code, not words; with attributes they cannot be prose.
const CODE_ELEMENT = /<(script|style|applet|iframe|object|noscript|textarea|select)\s[^<>]*>/gi;
// A block element around text, paired (`<div>…</div>`): the wrapper of an html or xhtml title.
const BLOCK_ELEMENT = /<(div|p|h[1-6]|blockquote|center)>/gi;
// A tag with attributes (`<embed src="…">`, `<div xmlns="…">`) is markup, never literal text.
// The lookahead finds the "=" without backtracking over the run of text before it.
const TAG_WITH_ATTRIBUTES = /<([A-Za-z][\w:-]*)\s(?=[^<>]*=)[^<>]*>/g;

// The longest title, author or feed name kept. Real ones are far shorter; a longer one from a
// hostile feed would fill the email (cards, "Also published", the subject) past its size budget.
const MAX_LINE = 300;

/**
 * A title as plain text: inline formatting and markup with attributes removed (code elements
 * with their content), entities decoded once, whitespace collapsed, control characters dropped,
 * at most 300 characters (see clipLine).
 * A bare tag-like word is kept as the literal text it most likely is on an engineering blog
 * ("Why <template> matters", "<script> injection explained"); titles are data, escaped wherever
 * they are shown. Linear in the title's length, whatever it holds (issue 14: a 400 KB title of
 * unclosed comments or elements once took minutes).
 */
export function plainTitle(raw: string): string {
  const closed = new Set<string>();
  const withoutCode = removeUpToCloser(removeDeclarations(raw), CODE_ELEMENT, () => "");
  const text = removeUpToCloser(
    withoutCode
      .replace(TAG_WITH_ATTRIBUTES, (_tag, name: string) => {
        closed.add(name.toLowerCase());
        return "";
      })
      .replace(/<\/([A-Za-z][\w:-]*)\s*>/g, (tag, name: string) =>
        closed.has(name.toLowerCase()) ? "" : tag,
      ),
    BLOCK_ELEMENT,
    (inner) => ` ${inner} `,
    { keepUnclosed: true },
  ).replace(INLINE_TAG, (tag) => (/^<br/i.test(tag) ? " " : ""));
  // Escaping "<" leaves no tag for the HTML parser, so it only decodes the entities; a decoded
  // reference may name a control character (`&#27;`), so they are dropped after.
  return clipLine(dropLineControls(htmlToPlainLine(text.replace(/</g, "&lt;"))).trim());
}

/** One line of text whole when it has at most `max` characters, else cut at a space and ended with "…". */
export function clipLine(line: string, max = MAX_LINE): string {
  if (line.length <= max) return line;
  const space = line.lastIndexOf(" ", max - 1);
  // One word longer than the limit is cut anyway, never inside a surrogate pair.
  let cut = space > max / 2 ? space : max - 1;
  if (/[\uD800-\uDBFF]/.test(line.charAt(cut - 1))) cut--;
  return `${line.slice(0, cut).trimEnd()}…`;
}

// Split at the last "-->": before it every comment finds its end, after it none does. A lazy
// search for "-->" from each of many unclosed comments is what made this quadratic.
function removeDeclarations(text: string): string {
  const last = text.lastIndexOf("-->");
  if (last < 0) return text.replace(UNCLOSED_DECLARATION, "");
  const head = text.slice(0, last + 3);
  return head.replace(DECLARATION, "") + text.slice(last + 3).replace(UNCLOSED_DECLARATION, "");
}

/**
 * Replaces each opening tag found by `opener` (its element name in group 1) up to the nearest
 * closing tag of the same name by `replace(inner)`. An element without a closing tag is removed
 * alone, or kept as text with `keepUnclosed`. Once a name has no closing tag after some point it
 * is never searched for again, so the work stays linear.
 */
function removeUpToCloser(
  text: string,
  opener: RegExp,
  replace: (inner: string) => string,
  options: { keepUnclosed?: boolean } = {},
): string {
  const unclosed = new Set<string>();
  const closers = new Map<string, RegExp>();
  let out = "";
  let position = 0;
  opener.lastIndex = 0;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const name = (match[1] ?? "").toLowerCase();
    const openEnd = match.index + match[0].length;
    let closer: RegExpExecArray | null = null;
    if (!unclosed.has(name)) {
      const pattern = closers.get(name) ?? new RegExp(`</${name}\\s*>`, "gi");
      closers.set(name, pattern);
      pattern.lastIndex = openEnd;
      closer = pattern.exec(text);
      if (!closer) unclosed.add(name);
    }
    if (closer) {
      out += text.slice(position, match.index) + replace(text.slice(openEnd, closer.index));
      position = closer.index + closer[0].length;
    } else if (!options.keepUnclosed) {
      out += text.slice(position, match.index);
      position = openEnd;
    }
    opener.lastIndex = Math.max(position, openEnd);
  }
  return out + text.slice(position);
}
