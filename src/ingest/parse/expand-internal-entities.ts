import { GazetteError } from "../../shared/errors.js";

const ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&%<]*)"|'([^'&%<]*)')\s*>/g;
const DOCTYPE_SUBSET = /<!DOCTYPE[^>[]*\[([\s\S]*?)\]\s*>/y;
// A reference is at least 3 characters; a value at most this long keeps expansion bounded.
const MAX_VALUE_LENGTH = 100;
/**
 * What all the references together may add to the document, in characters. Each is short, but
 * a 9 MB feed of them once grew to ~300 MB in the parse worker (issue 14); a real feed's
 * entities (a site name, a tag prefix) add kilobytes.
 */
export const MAX_ENTITY_GROWTH = 1024 * 1024;

/**
 * General entities declared in the document's own DOCTYPE (`<!ENTITY id "tag:example.com,">`)
 * substituted, since sax leaves them unexpanded. Only literal values without references are
 * used, each expanded once and short: nested entities (billion laughs) are never expanded, and
 * external ones (XXE: SYSTEM/PUBLIC) are never declared by this pattern. Throws FEED_TOO_LARGE
 * when the expansions together would add more than MAX_ENTITY_GROWTH characters.
 */
export function expandInternalEntities(xml: string): string {
  // The first DOCTYPE only, read where it starts: searched for anywhere, each of many
  // "<!DOCTYPE[" without a "]" was read to the end of the document (quadratic).
  const at = xml.indexOf("<!DOCTYPE");
  if (at === -1) return xml;
  DOCTYPE_SUBSET.lastIndex = at;
  const subset = DOCTYPE_SUBSET.exec(xml);
  if (!subset?.[1]) return xml;
  const values = new Map<string, string>();
  for (const match of subset[1].matchAll(ENTITY_DECLARATION)) {
    const value = match[2] ?? match[3] ?? "";
    if (value.length <= MAX_VALUE_LENGTH) values.set(match[1] ?? "", value);
  }
  if (values.size === 0) return xml;
  const start = (subset.index ?? 0) + subset[0].length;
  let growth = 0;
  const body = xml.slice(start).replace(/&([A-Za-z_][\w.-]*);/g, (reference, name: string) => {
    const value = values.get(name);
    if (value === undefined) return reference;
    const expanded = value.replace(/>/g, "&gt;");
    growth += expanded.length - reference.length;
    if (growth > MAX_ENTITY_GROWTH) {
      throw new GazetteError(
        "FEED_TOO_LARGE",
        `the entities declared in its DOCTYPE would add more than ${MAX_ENTITY_GROWTH / 1024 / 1024} MiB to it (an entity expansion attack); refused`,
      );
    }
    return expanded;
  });
  return xml.slice(0, start) + body;
}
