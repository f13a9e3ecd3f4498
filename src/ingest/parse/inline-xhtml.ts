// Elements that hold HTML: Atom text constructs (RFC 4287 §3.1) and RSS bodies. Written as
// child elements (Atom type="xhtml", Atom 0.3 mode="xml", XHTML <body> in RSS, or plain
// unescaped markup in a <description>), their markup reaches xml2js as a tree.
const HTML_HOLDER =
  /<(content|summary|title|subtitle|description|content:encoded|body|xhtml:body|fullitem|dc:description)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>/g;
const XHTML_TYPE =
  /\b(?:type\s*=\s*["'](?:xhtml|application\/xhtml\+xml)["']|mode\s*=\s*["']xml["'])/;
const XHTML_DIV = /^\s*<(?:xhtml:)?div(?:\s[^>]*)?>([\s\S]*)<\/(?:xhtml:)?div>\s*$/;

/**
 * Markup written as child elements turned into escaped HTML. xml2js, under rss-parser, splits
 * mixed content into text and child lists and loses their order ("<p>a <b>b</b> c</p>" →
 * "a  c<b>b</b>"); escaped, the markup reaches us as one string in its original order. Atom's
 * xhtml wrapper <div> is dropped (RFC 4287 §3.1.1.3: it is not part of the content).
 */
export function inlineXhtml(xml: string): string {
  return xml.replace(HTML_HOLDER, (element, name: string, attributes = "", inner: string) => {
    if (!hasChildElements(inner)) return element;
    const isXhtml = XHTML_TYPE.test(attributes);
    const markup = isXhtml ? unwrapDiv(inner).replace(/<(\/?)xhtml:/g, "<$1") : inner;
    const asHtml = attributes
      .replace(XHTML_TYPE, 'type="html"')
      .replace(/\smode\s*=\s*["'][^"']*["']/, "");
    return `<${name}${asHtml}>${escapeOutsideCdata(markup)}</${name}>`;
  });
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
  return markup.match(XHTML_DIV)?.[1] ?? markup;
}

// CDATA sections already carry raw text; everything else is escaped so that the parser hands
// back the source as written.
function escapeOutsideCdata(markup: string): string {
  return markup
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith("<![CDATA[")
        ? part
        : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    )
    .join("");
}
