import { replaceOutsideCdata } from "./replace-outside-cdata.js";

// Elements that hold HTML: Atom text constructs (RFC 4287 §3.1) and RSS bodies. Written as
// child elements (Atom type="xhtml", Atom 0.3 mode="xml", XHTML <body> in RSS, or plain
// unescaped markup in a <description>), their markup reaches xml2js as a tree. A comment or a
// CDATA section is skipped whole: "<title>" in "<!-- put the title in <title> -->" is no element.
// An attribute list stops at "<", so a run of unfinished tags is read in linear time.
const HOLDER_OR_SKIPPED =
  /<!--|<!\[CDATA\[|<(content|summary|title|subtitle|description|content:encoded|body|xhtml:body|fullitem|dc:description|atom:content|atom:summary)(\s[^<>]*)?>/g;
const SKIPPED_END: Record<string, string> = { "<!--": "-->", "<![CDATA[": "]]>" };
const XHTML_TYPE =
  /\b(?:type\s*=\s*["'](?:xhtml|application\/xhtml\+xml)["']|mode\s*=\s*["']xml["'])/;
// The wrapper <div>, under whatever prefix binds the XHTML namespace (RFC 4287's own examples
// write `xhtml:div`; others `h:div`); group 1 is the prefix, group 2 the content.
const XHTML_DIV =
  /^\s*<(?:([A-Za-z_][\w.-]*):)?div(?:\s[^>]*)?>([\s\S]*)<\/(?:[A-Za-z_][\w.-]*:)?div>\s*$/;
const HTML_TYPE = /\btype\s*=\s*["'](?:html|text\/html)["']/;

/**
 * Markup written as child elements turned into escaped HTML. xml2js, under rss-parser, splits
 * mixed content into text and child lists and loses their order ("<p>a <b>b</b> c</p>" →
 * "a  c<b>b</b>"); escaped, the markup reaches us as one string in its original order. Atom's
 * xhtml wrapper <div> is dropped (RFC 4287 §3.1.1.3: it is not part of the content). One scan:
 * each holder is searched for its closing tag once, and a name that has none after some point
 * is not searched for again.
 */
export function inlineXhtml(xml: string): string {
  const closers = new Map<string, RegExp>();
  const unclosed = new Set<string>();
  let result = "";
  let copied = 0;
  HOLDER_OR_SKIPPED.lastIndex = 0;
  for (let open = HOLDER_OR_SKIPPED.exec(xml); open; open = HOLDER_OR_SKIPPED.exec(xml)) {
    const [tag, name, attributes = ""] = open;
    const skippedEnd = SKIPPED_END[tag];
    if (skippedEnd !== undefined) {
      const end = xml.indexOf(skippedEnd, HOLDER_OR_SKIPPED.lastIndex);
      // Unclosed, it runs to the end of the document: no element follows.
      if (end === -1) break;
      HOLDER_OR_SKIPPED.lastIndex = end + skippedEnd.length;
      continue;
    }
    // A self-closed holder (Atom's `<content src="…"/>`) holds nothing.
    if (name === undefined || attributes.endsWith("/") || unclosed.has(name)) continue;
    const closer = closers.get(name) ?? new RegExp(`</${name}\\s*>`, "g");
    closers.set(name, closer);
    closer.lastIndex = HOLDER_OR_SKIPPED.lastIndex;
    const close = closer.exec(xml);
    if (close === null) {
      unclosed.add(name);
      continue;
    }
    const inner = xml.slice(HOLDER_OR_SKIPPED.lastIndex, close.index);
    HOLDER_OR_SKIPPED.lastIndex = closer.lastIndex;
    if (!hasChildElements(inner)) continue;
    result += xml.slice(copied, open.index) + inlined(name, attributes, inner);
    copied = closer.lastIndex;
  }
  return copied === 0 ? xml : result + xml.slice(copied);
}

function inlined(name: string, attributes: string, inner: string): string {
  // TypePad wraps the escaped HTML of a type="html" body in an XHTML <div>: the text inside the
  // wrapper is the body, as the type says ("&lt;b&gt;" is bold, not the word "<b>").
  const wrapped = HTML_TYPE.test(attributes) ? unwrapDiv(inner) : inner;
  if (wrapped !== inner && !hasChildElements(wrapped)) {
    return `<${name}${attributes}>${wrapped}</${name}>`;
  }
  const isXhtml = XHTML_TYPE.test(attributes);
  const markup = isXhtml ? unprefixed(inner) : inner;
  const asHtml = attributes
    .replace(XHTML_TYPE, 'type="html"')
    .replace(/\smode\s*=\s*["'][^"']*["']/, "");
  return `<${name}${asHtml}>${escapeOutsideCdata(markup)}</${name}>`;
}

// A child element is a "<" outside CDATA sections that opens neither a comment nor a
// processing instruction. Scanned in place: most bodies are one CDATA section, or plain text.
function hasChildElements(inner: string): boolean {
  for (let at = inner.indexOf("<"); at !== -1; at = inner.indexOf("<", at + 1)) {
    const end = inner.startsWith("<![CDATA[", at) ? inner.indexOf("]]>", at) : -1;
    if (end !== -1) at = end;
    else if (inner[at + 1] !== "!" && inner[at + 1] !== "?") return true;
  }
  return false;
}

function unwrapDiv(markup: string): string {
  return markup.match(XHTML_DIV)?.[2] ?? markup;
}

// XHTML content without its wrapper div, and its elements without the wrapper's prefix (else
// `xhtml:`): `<h:p>` is a paragraph, which the sanitizer would drop as an unknown element.
function unprefixed(inner: string): string {
  const prefix = (inner.match(XHTML_DIV)?.[1] ?? "xhtml").replace(/\./g, "\\.");
  return unwrapDiv(inner).replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1");
}

// CDATA sections already carry raw text; everything else is escaped so that the parser hands
// back the source as written.
function escapeOutsideCdata(markup: string): string {
  return replaceOutsideCdata(markup, (part) =>
    part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  );
}
