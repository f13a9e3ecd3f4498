import { isMap, isSeq, parseDocument } from "yaml";
import { GazetteError } from "../shared/errors.js";

/** A feed to add to the config file. */
export interface NewFeed {
  url: string;
  name?: string;
  tags: string[];
}

/**
 * The config file's text with `feeds` appended to its `feeds:` sequence, comments and layout
 * kept (yaml's Document API); feeds whose URL is already listed are left out. Returns the new
 * text and the feeds added.
 */
export function addFeeds(source: string, feeds: NewFeed[]): { text: string; added: NewFeed[] } {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new GazetteError("CONFIG_INVALID", "the config file is not a YAML mapping");
  }
  let list = doc.get("feeds");
  if (list === undefined || list === null) {
    doc.set("feeds", doc.createNode([]));
    list = doc.get("feeds");
  }
  if (!isSeq(list)) throw new GazetteError("CONFIG_INVALID", "feeds: is not a list");
  const known = new Set(
    list.items.map((item) => (isMap(item) ? String(item.get("url") ?? "") : String(item))),
  );
  const added: NewFeed[] = [];
  for (const feed of feeds) {
    if (known.has(feed.url)) continue;
    known.add(feed.url);
    added.push(feed);
    const entry: Record<string, unknown> = { url: feed.url };
    if (feed.name) entry.name = feed.name;
    if (feed.tags.length > 0) entry.tags = feed.tags;
    list.add(doc.createNode(entry));
  }
  return { text: doc.toString(), added };
}
