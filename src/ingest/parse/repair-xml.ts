import { replaceOutsideCdata } from "./replace-outside-cdata.js";

// The five entities XML knows, and character references; any other "&" breaks a strict parser.
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
const CHARACTER_REFERENCE = /&#(?:x([0-9a-fA-F]+)|(\d+));/g;

/** True for a code point that XML 1.0 allows in a document (its production `Char`). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

// "&#27;" or "&#x1F;" in a title pasted from elsewhere: a character XML does not allow, for which
// a strict parser refuses the whole feed. It is no text: dropped.
function dropInvalidReference(reference: string, hex?: string, decimal?: string): string {
  return isXmlChar(hex ? Number.parseInt(hex, 16) : Number(decimal)) ? reference : "";
}

/**
 * The commonest breakages of hand-made feeds fixed: bare "&" and HTML-only entities (&nbsp;,
 * &eacute;) escaped as "&amp;" outside CDATA sections (the content is HTML, so "&amp;nbsp;" still
 * reads as a no-break space once converted), character references to characters XML does not
 * allow (&#27;) dropped, and a last closing tag cut before its ">".
 */
export function repairXml(xml: string): string {
  return replaceOutsideCdata(xml.trimStart(), (part) =>
    part.replace(BARE_AMPERSAND, "&amp;").replace(CHARACTER_REFERENCE, dropInvalidReference),
  ).replace(/<\/([\w:.-]+)\s*$/, "</$1>");
}
