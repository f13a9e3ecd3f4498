import Parser from "rss-parser";
import { decodeBase64Text } from "./decode-base64-text.js";
import { escapeStrayDeclarations } from "./escape-stray-declarations.js";
import { expandInternalEntities } from "./expand-internal-entities.js";
import { hardenRssParser } from "./harden-rss-parser.js";
import { inlineXhtml } from "./inline-xhtml.js";
import { normalizeRoot } from "./normalize-root.js";
import { recordXmlBase } from "./record-xml-base.js";
import { recoverXml } from "./recover-xml.js";
import { repairXml } from "./repair-xml.js";

/** rss-parser's view of one item, with the custom fields we ask for; values are unchecked. */
export interface RawItem {
  [field: string]: unknown;
  /** Why rss-parser could not build this item; the other fields are then missing. */
  failure?: string;
}

/** rss-parser's view of the channel. */
export interface RawFeed {
  title?: unknown;
  link?: unknown;
  feedUrl?: unknown;
  /** The channel's xml:base chain (see recordXmlBase). */
  "gazette-base"?: unknown;
  /** Who writes the feed: Atom's feed <author>, RSS 1.0's channel dc:creator, a podcast's. */
  author?: unknown;
  "dc:creator"?: unknown;
  "itunes:author"?: unknown;
  /** Every <link> of the channel, and the atom:link elements of an RSS channel. */
  links?: unknown;
  atomLinks?: unknown;
  items: RawItem[];
}

const OPTIONS: Parser.ParserOptions<Record<string, unknown>, RawItem> = {
  // Many real feeds say <rss> with no version; without this rss-parser rejects them.
  defaultRSS: 2,
  customFields: {
    // rss-parser reads [name, key, options] for the feed as for items; its types say strings.
    feed: [
      "gazette-base",
      "author",
      "dc:creator",
      "itunes:author",
      ["link", "links", { keepArray: true }],
      ["atom:link", "atomLinks", { keepArray: true }],
    ] as unknown as string[],
    item: [
      "content:encoded",
      // Every author of the item: co-authored posts give several (WordPress's Co-Authors Plus
      // writes a dc:creator each; Atom an <author> each, of which rss-parser keeps the first).
      ["dc:creator", "dc:creator", { keepArray: true }],
      ["author", "authors", { keepArray: true }],
      "dc:date",
      "updated",
      "published",
      // Older RSS and RDF feeds: Dublin Core and DCMI terms, XHTML bodies.
      "dc:author",
      "dc:description",
      "dcterms:issued",
      "dcterms:created",
      "dcterms:modified",
      "issued",
      "created",
      "modified",
      "body",
      "xhtml:body",
      "fullitem",
      // Atom elements in an RSS item (any prefix bound to Atom's namespace reads as atom:, see
      // normalizeRoot), podcast and Media RSS fields: a date, a body, an author or a title
      // where the RSS element is missing.
      // An Atom body says in its type whether it is text or HTML; rss-parser keeps its text only.
      // (kept as arrays: rss-parser flattens a single element to its text, attributes and all).
      ["content", "contentElement", { keepArray: true }],
      ["summary", "summaryElement", { keepArray: true }],
      "atom:published",
      "atom:updated",
      "atom:content",
      "atom:summary",
      "atom:author",
      "itunes:author",
      "itunes:title",
      "itunes:summary",
      "media:title",
      "media:description",
      ["media:group", "mediaGroup"],
      ["dc:subject", "subjects", { keepArray: true }],
      // rss-parser flattens <guid> to its text; isPermaLink="false" says it is not a link.
      ["guid", "guidElement", { keepArray: true }],
      // FeedBurner replaces <link> with a feedproxy redirect and keeps the real one here.
      "feedburner:origLink",
      ["media:thumbnail", "mediaThumbnail"],
      ["media:content", "mediaContent", { keepArray: true }],
      ["media:category", "mediaCategories", { keepArray: true }],
      // An episode's picture; rss-parser reads it only when <rss> declares the iTunes namespace.
      ["itunes:image", "itunesImage"],
      ["itunes:link", "itunesLinks", { keepArray: true }],
      // rss-parser keeps the first <enclosure> only, and of an Atom entry's links one.
      ["enclosure", "enclosures", { keepArray: true }],
      ["link", "itemLinks", { keepArray: true }],
      ["atom:link", "atomItemLinks", { keepArray: true }],
      // rss-parser keeps RSS categories as raw xml2js values and drops Atom's <category term>.
      ["category", "rawCategories", { keepArray: true }],
      "gazette-base",
      "gazette-content-base",
    ],
  },
};

// In this order: entities can spell elements; xml:base is recorded on the final element names.
const PREPARE = [
  expandInternalEntities,
  escapeStrayDeclarations,
  normalizeRoot,
  decodeBase64Text,
  inlineXhtml,
  recordXmlBase,
];

// A new parser for every document: xml2js, under rss-parser, leaks state from one parse into the
// next on the same instance, and a document without a root element then never settles.
function createParser(): Parser<Record<string, unknown>, RawItem> {
  const parser = new Parser<Record<string, unknown>, RawItem>(OPTIONS);
  hardenRssParser(parser);
  return parser;
}

/**
 * Parses feed XML with rss-parser after preparing it (see prepareFeedXml). Rejects when it is
 * not a feed (see parseFeedXml).
 */
export async function readFeedXml(document: string): Promise<RawFeed> {
  return parseFeedXml(prepareFeedXml(document));
}

/**
 * The document as rss-parser should see it (PREPARE: DOCTYPE entities expanded, a "<!" that opens
 * no comment, CDATA section or DOCTYPE escaped, feed elements
 * unprefixed, base64 text decoded, markup written as child elements escaped, xml:base recorded).
 */
export function prepareFeedXml(document: string): string {
  return PREPARE.reduce((text, step) => step(text), document);
}

/**
 * Parses prepared XML with rss-parser. When strict XML parsing fails, parses once more, the
 * document as a lenient reader reads it (see lenientXml). Rejects with the strict parse's error.
 */
export async function parseFeedXml(xml: string): Promise<RawFeed> {
  try {
    return await parseStrictXml(xml);
  } catch (error) {
    const feed = await parseLenientXml(xml);
    if (feed === undefined) throw error;
    return feed;
  }
}

/** One strict parse of prepared XML, without recovery. */
export function parseStrictXml(xml: string): Promise<RawFeed> {
  return createParser().parseString(xml);
}

/** One parse of lenientXml(xml); undefined when that cannot be read either. */
export async function parseLenientXml(xml: string): Promise<RawFeed | undefined> {
  const lenient = lenientXml(xml);
  if (lenient === undefined) return undefined;
  return createParser()
    .parseString(lenient)
    .catch(() => undefined);
}

/**
 * A document strict XML refused, written as well-formed XML in one go: the commonest breakages
 * of hand-made feeds repaired (repairXml: bare "&", HTML entities, a last end tag cut short),
 * then its structure as a lenient reader reads it (recoverXml); only repaired when recoverXml
 * refuses it (cut short, nested too deep). Each rewrite keeps a well-formed document's reading,
 * so one parse of the result does what a parse after each did. Undefined when nothing changes.
 */
function lenientXml(xml: string): string | undefined {
  const repaired = repairXml(xml);
  const lenient = recoverXml(repaired) ?? repaired;
  return lenient === xml ? undefined : lenient;
}
