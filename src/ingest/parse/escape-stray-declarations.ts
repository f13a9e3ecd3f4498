// What "<!" may open in a document: a comment, a CDATA section or the DOCTYPE (its internal
// subset in brackets). Each runs to its end, or to the document's end when it has none, so the
// scan is linear; a "<!" left over opens none of them.
const MARKUP_DECLARATION =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!DOCTYPE\b[^>[]*(?:\[[\s\S]*?(?:\]|$))?|<!/gi;

/**
 * A "<!" that opens no comment, CDATA section or DOCTYPE ("<!x …>", never well-formed outside a
 * DTD) escaped as text. sax reads one such declaration in time quadratic in its length (it tests
 * all it has read so far at every character): 40 KB without a ">" took 29 s, twice over when
 * the document is read again repaired.
 */
export function escapeStrayDeclarations(xml: string): string {
  if (!xml.includes("<!")) return xml;
  return xml.replace(MARKUP_DECLARATION, (match) => (match === "<!" ? "&lt;!" : match));
}
