// Atom text constructs of type="xhtml" (RFC 4287 §3.1.1.3) hold markup as child elements.
const XHTML_CONSTRUCT =
  /<(content|summary|title|subtitle)(\s[^>]*?\btype\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1>/g;

/**
 * Atom xhtml content turned into escaped html content. xml2js, under rss-parser, splits mixed
 * content into text and child lists and loses their order ("<p>a <b>b</b> c</p>" → "a  c<b>b</b>");
 * escaped, the markup reaches us as one string in its original order.
 */
export function inlineXhtml(xml: string): string {
  if (!/type\s*=\s*["']xhtml["']/.test(xml)) return xml;
  return xml.replace(
    XHTML_CONSTRUCT,
    (_match, name: string, attributes: string, markup: string) => {
      const escaped = markup.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const asHtml = attributes.replace(/\btype\s*=\s*["']xhtml["']/, 'type="html"');
      return `<${name}${asHtml}>${escaped}</${name}>`;
    },
  );
}
