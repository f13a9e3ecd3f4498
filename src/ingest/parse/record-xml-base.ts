// Start and end tags, skipping comments, CDATA sections, processing instructions and DOCTYPE.
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const XML_BASE = /\sxml:base\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const HOLDERS = new Set(["feed", "channel", "item", "entry"]);
const CONTENT = new Set(["content", "summary", "description", "content:encoded"]);

/**
 * xml:base (XML Base §4.2) recorded where rss-parser can read it, since it drops attributes: each
 * feed, channel, item and entry gets a `<gazette-base>` child listing the xml:base values in
 * scope, outermost first, and a content element with its own scope gets a `<gazette-content-base>`
 * sibling. The chain is resolved against the feed's URL when the item is normalized.
 */
export function recordXmlBase(xml: string): string {
  if (!xml.includes("xml:base")) return xml;
  const scopes: string[][] = [];
  let result = "";
  let copied = 0;
  for (const token of xml.matchAll(TOKEN)) {
    const [tag, closing, name, attributes, selfClosing] = token;
    if (name === undefined) continue;
    if (closing) {
      scopes.pop();
      continue;
    }
    const parent = scopes.at(-1) ?? [];
    const match = attributes?.match(XML_BASE);
    // An empty xml:base names the parent's base again.
    const base = match ? decodeAttribute(match[1] ?? match[2] ?? "").trim() : "";
    const scope = base ? [...parent, base] : parent;
    if (!selfClosing) scopes.push(scope);
    if (scope.length === 0) continue;
    const end = (token.index ?? 0) + tag.length;
    if (HOLDERS.has(name)) {
      result += `${xml.slice(copied, end)}${element("gazette-base", scope)}`;
      copied = end;
    } else if (CONTENT.has(name) && base) {
      result += `${xml.slice(copied, token.index)}${element("gazette-content-base", scope)}`;
      copied = token.index ?? 0;
    }
  }
  return result + xml.slice(copied);
}

/** The URL an xml:base chain names, each value resolved against the one before; `start` first. */
export function resolveBaseChain(
  chain: string | undefined,
  start: string | undefined,
): string | undefined {
  if (chain === undefined) return start;
  let base = start;
  for (const reference of chain.split(/\s+/).filter(Boolean)) {
    try {
      base = new URL(reference, base).href;
    } catch {
      // A relative xml:base with nothing to resolve it against leaves the base as it was.
    }
  }
  return base;
}

function element(name: string, scope: string[]): string {
  // Spaces separate the chain's values; one inside a URL is encoded as the URL parser would.
  const text = scope.map((url) => url.replace(/\s/g, "%20")).join(" ");
  return `<${name}>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</${name}>`;
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_m, hex: string, code: string) =>
      String.fromCodePoint(Number.parseInt(code, hex ? 16 : 10)),
    )
    .replace(/&amp;/g, "&");
}
