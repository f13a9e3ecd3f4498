import Parser from "rss-parser";
import { hardenRssParser } from "./harden-rss-parser.js";
import { inlineXhtml } from "./inline-xhtml.js";
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
  items: RawItem[];
}

const OPTIONS: Parser.ParserOptions<Record<string, unknown>, RawItem> = {
  // Many real feeds say <rss> with no version; without this rss-parser rejects them.
  defaultRSS: 2,
  customFields: {
    item: [
      "content:encoded",
      "dc:creator",
      "dc:date",
      "updated",
      "published",
      // FeedBurner replaces <link> with a feedproxy redirect and keeps the real one here.
      "feedburner:origLink",
      ["media:thumbnail", "mediaThumbnail"],
      ["media:content", "mediaContent", { keepArray: true }],
      // rss-parser keeps RSS categories as raw xml2js values and drops Atom's <category term>.
      ["category", "rawCategories", { keepArray: true }],
    ],
  },
};

// A new parser for every document: xml2js, under rss-parser, leaks state from one parse into the
// next on the same instance, and a document without a root element then never settles.
function createParser(): Parser<Record<string, unknown>, RawItem> {
  const parser = new Parser<Record<string, unknown>, RawItem>(OPTIONS);
  hardenRssParser(parser);
  return parser;
}

/**
 * Parses feed XML with rss-parser (Atom xhtml content inlined first); when strict XML parsing
 * fails, retries once with bare ampersands and HTML entities escaped. Rejects with the first
 * attempt's error.
 */
export async function readFeedXml(document: string): Promise<RawFeed> {
  const xml = inlineXhtml(document);
  try {
    return await createParser().parseString(xml);
  } catch (error) {
    const repaired = repairXml(xml);
    if (repaired === xml) throw error;
    return await createParser()
      .parseString(repaired)
      .catch(() => Promise.reject(error));
  }
}
