const RSS1_NAMESPACE = "http://purl.org/rss/1.0/";
const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/** A namespace prefix the document declares (`xmlns:a10="…"`). */
interface Binding {
  prefix: string;
  namespace: string | undefined;
}

/**
 * The document's feed elements under the names rss-parser looks for: a namespace prefix on RSS
 * 1.0 or Atom elements (`<rss:item>`, `<atom:feed>`) or on an `<rss>` root removed, Atom elements
 * in RSS under the prefix atom: whatever prefix the document binds (`<a10:updated>`), and an Atom
 * document that is one `<entry>` (RFC 4287 §4.1.2 allows it) wrapped in a `<feed>`, and Atom
 * entries written as `<item>` or with a link in `<link>` text read as an Atom reader would.
 */
export function normalizeRoot(xml: string): string {
  const bindings = [...xml.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].map(
    ([, prefix = "", namespace]) => ({ prefix, namespace }),
  );
  const unprefixed = new Map(feedPrefixes(xml, bindings).map((prefix) => [prefix, ""]));
  let result = renamePrefixes(xml, unprefixed);
  const renames = new Map(moduleAliases(bindings));
  const root = result.match(ROOT);
  if (root?.[1] !== "feed" && root?.[1] !== "entry") {
    for (const prefix of atomAliases(bindings)) renames.set(prefix, "atom");
  }
  for (const prefix of unprefixed.keys()) renames.delete(prefix);
  result = renamePrefixes(result, renames);
  if (root?.[1] === "feed") return atomEntries(result);
  if (root?.[1] === "entry") {
    const start = root[0].length - "<entry".length;
    return `${result.slice(0, start)}<feed xmlns="http://www.w3.org/2005/Atom">${result.slice(start)}</feed>`;
  }
  return result;
}

/**
 * Element names under a prefix in `renames` put under its new one ("" for none), in one scan:
 * a document may bind thousands of prefixes, and a scan per prefix was quadratic.
 */
function renamePrefixes(xml: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return xml;
  return xml.replace(/<(\/?)([\w.-]+):/g, (tag, slash: string, prefix: string) => {
    const renamed = renames.get(prefix);
    if (renamed === undefined) return tag;
    return renamed === "" ? `<${slash}` : `<${slash}${renamed}:`;
  });
}

/** The document element's name, after the prolog, comments and DOCTYPE; undefined without one. */
export function rootElementOf(xml: string): string | undefined {
  return xml.match(ROOT)?.[1];
}

const ROOT =
  /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<([\w:.-]+)/;

// RSS 1.0's namespace only ever holds feed elements; a prefixed root (`<atom:feed>`,
// `<rss:rss>`) says its prefix is the feed's own. RSS 2.0's common `atom:link` is left alone.
function feedPrefixes(xml: string, bindings: readonly Binding[]): string[] {
  const prefixes = new Set<string>();
  for (const { prefix, namespace } of bindings) {
    if (namespace === RSS1_NAMESPACE) prefixes.add(prefix);
  }
  const rootPrefix = rootElementOf(xml)?.match(/^([\w.-]+):(?:rss|feed)$/)?.[1];
  if (rootPrefix) prefixes.add(rootPrefix);
  return [...prefixes].filter((prefix) => prefix !== "" && prefix !== "xml" && prefix !== "rdf");
}

// Atom elements in an RSS document under another prefix than atom: (.NET writes <a10:updated>
// and <a10:author> into every item) are read under the usual one.
function atomAliases(bindings: readonly Binding[]): string[] {
  return bindings
    .filter(({ prefix, namespace }) => namespace === ATOM_NAMESPACE && prefix !== "atom")
    .map(({ prefix }) => prefix);
}

// The extension modules whose elements Gazette reads, by namespace (without a trailing slash,
// lowercased: feeds write both, and iTunes' DTDs in either case), under their usual prefix.
const MODULE_PREFIXES: Record<string, string> = {
  "http://purl.org/dc/elements/1.1": "dc",
  "http://purl.org/dc/terms": "dcterms",
  "http://purl.org/rss/1.0/modules/content": "content",
  "http://search.yahoo.com/mrss": "media",
  "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
  "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
};

// A module's elements under another prefix than its usual one (`xmlns:dcterms` as `dct`,
// `xmlns:mrss`) are read under the usual one, unless the document binds that to something else.
function moduleAliases(bindings: readonly Binding[]): Array<[prefix: string, usual: string]> {
  const moduleOf = (namespace: string | undefined) =>
    MODULE_PREFIXES[(namespace ?? "").trim().toLowerCase().replace(/\/$/, "")];
  const taken = new Set(
    bindings.filter(({ namespace }) => moduleOf(namespace) === undefined).map((b) => b.prefix),
  );
  const aliases = new Map<string, string>();
  for (const { prefix, namespace } of bindings) {
    const usual = moduleOf(namespace);
    if (usual !== undefined && usual !== prefix && !taken.has(usual) && !taken.has(prefix)) {
      aliases.set(prefix, usual);
    }
  }
  return [...aliases];
}

// rss-parser reads an Atom link's href only (a link without one throws) and entries only.
function atomEntries(xml: string): string {
  const entries = /<entry[\s>]/.test(xml) ? xml : xml.replace(/<(\/?)item([\s>])/g, "<$1entry$2");
  return entries.replace(
    /<link((?:\s+(?!href)[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*>\s*([^<\s]+)\s*<\/link>/g,
    '<link$1 href="$2"/>',
  );
}
