const TEXT_CONSTRUCT =
  /<(content|summary|title|subtitle|tagline|info)(\s[^>]*)>\s*([A-Za-z0-9+/=\s]+?)\s*<\/\1\s*>/g;
// Atom 0.3 says mode="base64"; Atom 1.0 base64-encodes any type that is not text or XML
// (RFC 4287 §4.1.3.3).
const BASE64_MARK =
  /\bmode\s*=\s*["']base64["']|\btype\s*=\s*["'](?!text\/|html|xhtml|text["'])[\w.+-]+\/(?![\w.+-]*xml["'])[\w.+-]+["']/;

/** Base64-encoded Atom text constructs decoded, so that they read as the HTML they hold. */
export function decodeBase64Text(xml: string): string {
  if (!/base64|octet-stream|\btype\s*=\s*["']application\//.test(xml)) return xml;
  return xml.replace(
    TEXT_CONSTRUCT,
    (element, name: string, attributes: string, encoded: string) => {
      if (!BASE64_MARK.test(attributes)) return element;
      const text = Buffer.from(encoded.replace(/\s+/g, ""), "base64").toString("utf8");
      const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const asHtml = attributes
        .replace(/\smode\s*=\s*["']base64["']/, "")
        .replace(/\btype\s*=\s*["'][^"']*["']/, 'type="html"');
      return `<${name}${/\btype\s*=/.test(asHtml) ? asHtml : `${asHtml} type="html"`}>${escaped}</${name}>`;
    },
  );
}
