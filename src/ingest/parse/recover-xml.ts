import { Parser } from "htmlparser2";

// Deeper than this, a document strict XML refused is no feed (a feed's own elements nest a
// handful deep; sanitizeContent draws the same line for HTML). htmlparser2 keeps its open
// elements in an array it shifts and unshifts, so 80,000 nested elements took 10 s.
const MAX_DEPTH = 1_000;

/**
 * A document that strict XML refuses, written again as well-formed XML the way a lenient reader
 * (htmlparser2 in XML mode, as @rowanmanning/feed-parser reads feeds) understands it: an end tag
 * that closes nothing open is ignored ("</media:content>" twice), an element left open is closed
 * by its parent's end tag, a bare "<" in text is escaped; comments, processing instructions, the DOCTYPE
 * (its entities are expanded already) and text outside the root are dropped. Undefined when the
 * root element is not closed by its own end tag (a document cut short is refused, not guessed
 * at) or markup nests deeper than MAX_DEPTH. Entity references are left as written (repairXml
 * has escaped the ones XML does not know), never expanded or fetched, and CDATA sections stay
 * sections: the text is copied, not decoded and escaped again, so the result is as cheap to
 * parse as the document was.
 */
export function recoverXml(xml: string): string | undefined {
  const parts: string[] = [];
  let depth = 0;
  let isComplete = false;
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++depth > MAX_DEPTH) parser.pause();
        let tag = `<${name}`;
        for (const [key, value] of Object.entries(attributes)) {
          tag += ` ${key}="${value.replaceAll("<", "&lt;").replaceAll('"', "&quot;")}"`;
        }
        parts.push(`${tag}>`);
      },
      onclosetag(name, isImplied) {
        parts.push(`</${name}>`);
        if (--depth === 0) isComplete = !isImplied;
      },
      oncdatastart() {
        if (depth > 0) parts.push("<![CDATA[");
        inCdata = true;
      },
      oncdataend() {
        if (depth > 0) parts.push("]]>");
        inCdata = false;
      },
      ontext(text) {
        if (depth > 0) parts.push(inCdata ? text : text.replaceAll("<", "&lt;"));
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.end(xml);
  return isComplete && depth <= MAX_DEPTH ? parts.join("") : undefined;
}
