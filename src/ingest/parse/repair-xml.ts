// The five entities XML knows, and character references; any other "&" breaks a strict parser.
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/**
 * The commonest breakages of hand-made feeds fixed: bare "&" and HTML-only entities (&nbsp;,
 * &eacute;) escaped as "&amp;" outside CDATA sections (the content is HTML, so "&amp;nbsp;" still
 * reads as a no-break space once converted), and a last closing tag cut before its ">".
 */
export function repairXml(xml: string): string {
  return xml
    .trimStart()
    .split(CDATA)
    .map((part) => (part.startsWith("<![CDATA[") ? part : part.replace(BARE_AMPERSAND, "&amp;")))
    .join("")
    .replace(/<\/([\w:.-]+)\s*$/, "</$1>");
}
