import { isMap, isSeq, parseDocument } from "yaml";
import { GazetteError } from "../shared/errors.js";
import { escapeEnvReferences, hasEnvReference } from "./interpolate-env.js";

/** A feed to add to the config file. */
export interface NewFeed {
  url: string;
  name?: string;
  tags: string[];
}

/** A feed left out of the config file, and why. */
export interface RefusedFeed {
  feed: NewFeed;
  reason: string;
}

/**
 * The config file's text with `feeds` appended to its `feeds:` sequence, comments and layout
 * kept (yaml's Document API); feeds whose URL is already listed are left out. Imported text is
 * data: a feed whose URL, name or tags hold "${" is refused (the loader would read the
 * environment there), and everything written is escaped so that it loads back literally.
 * Returns the new text, the feeds added and the feeds refused.
 */
export function addFeeds(
  source: string,
  feeds: NewFeed[],
): { text: string; added: NewFeed[]; refused: RefusedFeed[] } {
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
  const refused: RefusedFeed[] = [];
  for (const feed of feeds) {
    const reason = envReferenceIn(feed);
    if (reason) {
      refused.push({ feed, reason });
      continue;
    }
    if (known.has(feed.url)) continue;
    known.add(feed.url);
    added.push(feed);
    const entry: Record<string, unknown> = { url: escapeEnvReferences(feed.url) };
    if (feed.name) entry.name = escapeEnvReferences(feed.name);
    if (feed.tags.length > 0) entry.tags = feed.tags.map(escapeEnvReferences);
    list.add(doc.createNode(entry));
  }
  return { text: doc.toString(), added, refused };
}

/** Why the feed may not enter the config file: the field holding "${", if any. */
function envReferenceIn(feed: NewFeed): string | undefined {
  const field = hasEnvReference(feed.url)
    ? "its url"
    : feed.name && hasEnvReference(feed.name)
      ? "its name"
      : feed.tags.some(hasEnvReference)
        ? "a tag"
        : undefined;
  return field && `${field} holds "\${", which the config file reads as an environment variable`;
}
