const ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&%<]*)"|'([^'&%<]*)')\s*>/g;
// A reference is at least 3 characters; a value at most this long keeps expansion bounded.
const MAX_VALUE_LENGTH = 100;

/**
 * General entities declared in the document's own DOCTYPE (`<!ENTITY id "tag:example.com,">`)
 * substituted, since sax leaves them unexpanded. Only literal values without references are
 * used, each expanded once and short: nested entities (billion laughs) are never expanded, and
 * external ones (XXE: SYSTEM/PUBLIC) are never declared by this pattern.
 */
export function expandInternalEntities(xml: string): string {
  const subset = xml.match(/<!DOCTYPE[^>[]*\[([\s\S]*?)\]\s*>/);
  if (!subset?.[1]) return xml;
  const values = new Map<string, string>();
  for (const match of subset[1].matchAll(ENTITY_DECLARATION)) {
    const value = match[2] ?? match[3] ?? "";
    if (value.length <= MAX_VALUE_LENGTH) values.set(match[1] ?? "", value);
  }
  if (values.size === 0) return xml;
  const start = (subset.index ?? 0) + subset[0].length;
  const body = xml.slice(start).replace(/&([A-Za-z_][\w.-]*);/g, (reference, name: string) => {
    const value = values.get(name);
    return value === undefined ? reference : value.replace(/>/g, "&gt;");
  });
  return xml.slice(0, start) + body;
}
