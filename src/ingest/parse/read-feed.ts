import { hash } from "node:crypto";
import { describeError, GazetteError, isGazetteError } from "../../shared/errors.js";
import {
  type ItemContext,
  type ItemIdentity,
  identifyArticle,
  identifyItem,
  type NormalizedItem,
  normalizeItem,
  personName,
  SkippedItem,
} from "../normalize/normalize-item.js";
import { plainTitle } from "../normalize/plain-title.js";
import { repairC1Controls } from "../normalize/repair-c1-controls.js";
import { resolveUrl } from "../normalize/resolve-url.js";
import type { KnownItem } from "../types.js";
import { rootElementOf } from "./normalize-root.js";
import {
  parseFeedXml,
  parseLenientXml,
  parseStrictXml,
  prepareFeedXml,
  type RawFeed,
  type RawItem,
} from "./read-feed-xml.js";
import { readJsonFeed } from "./read-json-feed.js";
import { resolveBaseChain } from "./record-xml-base.js";
import { type ItemRegion, splitFeedItems } from "./split-feed-items.js";
import { xmlAttribute, xmlText } from "./xml-value.js";

export interface ReadOptions {
  /** Where the feed came from: relative links are resolved against it. */
  feedUrl: string;
  /** Dates more than a day after this are not believed. */
  now: Date;
}

/**
 * readChangedFeed's answer: ReadFeed, where items listed in `known` are SeenEntry and new items
 * sure to make an article are PendingEntry.
 */
export type ChangedFeed = Omit<ReadFeed, "entries"> & {
  entries: Array<ReadFeed["entries"][number] | SeenEntry | PendingEntry>;
};

/**
 * A new item that will surely make an article (see identifyArticle), identified only: its content
 * is sanitized and converted by `read`, once parseChanged has chosen it among the newest.
 */
export interface PendingEntry {
  pending: ItemIdentity;
  /** The item normalized, with its fingerprint, or the problem that stopped it. */
  read: () => NormalizedItem | { problem: string };
}

/** An item listed in `known` (see readChangedFeed): identified only; `normalize` does the rest. */
export interface SeenEntry {
  seen: Omit<ItemIdentity, "url"> & { canonicalUrl: string };
  /** The item's fingerprint, without the mark of how its GUID was stored (see itemFingerprint). */
  fingerprint: string;
  /** Whether the GUID was dropped as repeated when the fingerprint was recorded. */
  guidDropped: boolean;
  /** The whole item; missing when it was never parsed (readChangedFeed with split items). */
  normalize?: () => NormalizedItem;
}

/** Every item of a feed in document order: normalized, or why it could not be read. */
export interface ReadFeed {
  /** The channel's title as plain text; the site's host name when the feed gives none. */
  title?: string;
  siteUrl?: string;
  entries: Array<NormalizedItem | { problem: string }>;
}

/**
 * Reads an RSS, Atom or JSON Feed document and normalizes each item, without judging whether a
 * newsletter can use it. Throws FEED_PARSE_FAILED when the document is not a feed.
 */
export async function readFeed(document: string, options: ReadOptions): Promise<ReadFeed> {
  // Without `known` no entry is a SeenEntry.
  return readEntries(document, options, undefined) as Promise<ReadFeed>;
}

/**
 * readFeed for collect: every item gets its fingerprint, and an item whose fingerprint is in
 * `known` (collect's, from the feed's last fetch) is only identified, as a SeenEntry: its content
 * is not sanitized and converted again. An RSS or Atom document is split into its items first
 * (see readSplitFeed), and a known item is not even parsed, unless `whole`: then every item is
 * parsed, and SeenEntry.normalize can read a known one after all.
 */
export async function readChangedFeed(
  document: string,
  options: ReadOptions,
  known: readonly KnownItem[],
  whole = false,
): Promise<ChangedFeed> {
  const byFingerprint = new Map(known.map((item) => [item.fingerprint, item]));
  if (isJsonDocument(document)) return readEntries(document, options, byFingerprint);
  let xml: string;
  try {
    xml = prepareFeedXml(document);
  } catch (error) {
    throw inFeed(options.feedUrl, error);
  }
  const split = await readSplitFeed(xml, options, byFingerprint, !whole);
  if (split !== REFUSED && split !== undefined) return split;
  return readEntries(document, options, byFingerprint, xml, split === REFUSED);
}

/** readSplitFeed's answer when strict XML refused the document: it is read leniently, whole. */
const REFUSED = Symbol("refused");

// Bumped whenever the same item text would make a different article: every item is then parsed
// and normalized again once. Distinct from FINGERPRINT_VERSION: the two never match each other.
const SPLIT_FINGERPRINT_VERSION = "s7";

/**
 * readChangedFeed for an RSS or Atom document that splits into its items (splitFeedItems). An
 * item's fingerprint hashes its own text (the prepared text: entities expanded, xml:base written
 * into it) with the feed's URL and what its links resolve against, read from the channel alone:
 * the same fingerprint is the same article. With `cut`, known items are cut out of the document
 * before rss-parser reads the rest. Undefined when the document cannot be read this way (no clean
 * split, items that do not match the split): readEntries then reads it whole. REFUSED when strict
 * XML refuses the channel or the items left (what is cut is whole items, so the document is
 * refused too): readEntries then reads it leniently at once, never strictly again.
 */
async function readSplitFeed(
  xml: string,
  options: ReadOptions,
  known: ReadonlyMap<string, KnownItem>,
  cut: boolean,
): Promise<ChangedFeed | undefined | typeof REFUSED> {
  const regions = splitFeedItems(xml);
  if (regions === undefined) return undefined;
  const channel = await parseStrictXml(without(xml, regions)).catch(() => undefined);
  if (channel === undefined) return REFUSED;
  const { feedUrl, baseUrl, feedAuthor } = contextOf(channel, options);
  const prefix = `${SPLIT_FINGERPRINT_VERSION}\n${feedUrl}\n${baseUrl}\n${feedAuthor ?? ""}\n`;
  const fingerprints = regions.map((region) =>
    hash("sha1", prefix + xml.slice(region.start, region.end), "base64"),
  );
  const knownAt = new Map<number, { item: KnownItem; guidDropped: boolean }>();
  fingerprints.forEach((fingerprint, index) => {
    const dropped = known.get(`${fingerprint}-`);
    const item = dropped ?? known.get(`${fingerprint}+`);
    if (item) knownAt.set(index, { item, guidDropped: dropped !== undefined });
  });
  const isCut = (index: number) => cut && knownAt.has(index);
  const unknown = regions.filter((_, index) => !isCut(index));
  // Nothing left to read but the channel: it is read already.
  const raw =
    unknown.length === 0
      ? channel
      : await parseStrictXml(
          without(
            xml,
            regions.filter((_, i) => isCut(i)),
          ),
        ).catch(() => undefined);
  if (raw === undefined) return REFUSED;
  if (raw.items.length !== unknown.length) return undefined;
  const parsed = raw.items.values();
  return readRaw(raw, options, (readItem, context) =>
    fingerprints.map((fingerprint, index): Entry => {
      const rawItem = isCut(index) ? undefined : (parsed.next().value as RawItem);
      const match = knownAt.get(index);
      if (match === undefined) return readItem(rawItem as RawItem, () => fingerprint);
      const { canonicalUrl, guid, publishedAt } = match.item;
      return {
        seen: {
          canonicalUrl,
          guid,
          publishedAt: publishedAt === undefined ? undefined : new Date(publishedAt),
        },
        fingerprint,
        guidDropped: match.guidDropped,
        normalize: rawItem && (() => ({ ...normalizeItem(rawItem, context), fingerprint })),
      };
    }),
  );
}

/** The document without the given item regions. */
function without(xml: string, regions: readonly ItemRegion[]): string {
  let rest = "";
  let copied = 0;
  for (const region of regions) {
    rest += xml.slice(copied, region.start);
    copied = region.end;
  }
  return rest + xml.slice(copied);
}

async function readEntries(
  document: string,
  options: ReadOptions,
  known: ReadonlyMap<string, KnownItem> | undefined,
  prepared?: string,
  refused = false,
): Promise<ChangedFeed> {
  const raw = await readOrExplain(document, options.feedUrl, prepared, refused);
  return readRaw(raw, options, (readItem, context) =>
    raw.items.map((rawItem) => {
      if (known === undefined || rawItem.failure !== undefined) return readItem(rawItem);
      const fingerprint = itemFingerprint(rawItem, context);
      const guidDropped = known.has(`${fingerprint}-`);
      if (!guidDropped && !known.has(`${fingerprint}+`))
        return readItem(rawItem, () => fingerprint);
      try {
        const { guid, canonicalUrl, publishedAt } = identifyItem(rawItem, context);
        if (canonicalUrl === undefined) return readItem(rawItem, () => fingerprint);
        const normalize = () => ({ ...normalizeItem(rawItem, context), fingerprint });
        return { seen: { guid, canonicalUrl, publishedAt }, fingerprint, guidDropped, normalize };
      } catch (error) {
        return { problem: problemOf(error) };
      }
    }),
  );
}

type Entry = ChangedFeed["entries"][number];

/**
 * The feed's title, site and entries. `entriesOf` lists the entries, reading each item that is
 * not seen with the `readItem` it is given: normalized (with the fingerprint `fingerprintOf`
 * gives), or the problem that stopped it; one bad item never fails its feed.
 */
function readRaw(
  raw: RawFeed,
  options: ReadOptions,
  entriesOf: (
    readItem: (rawItem: RawItem, fingerprintOf?: () => string) => Entry,
    context: ItemContext,
  ) => Entry[],
): ChangedFeed {
  const { siteUrl, feedBase, ...context } = contextOf(raw, options);
  const normalize = (normalized: () => NormalizedItem, fingerprintOf?: () => string) => {
    try {
      const item = normalized();
      return fingerprintOf ? { ...item, fingerprint: fingerprintOf() } : item;
    } catch (error) {
      return { problem: problemOf(error) };
    }
  };
  // For collect (with a fingerprint), an item sure to make an article waits to be chosen among
  // the newest: a feed of 100,000 items has 200 of them sanitized, not all.
  const readItem = (rawItem: RawItem, fingerprintOf?: () => string): Entry => {
    const article = fingerprintOf && identifyArticle(rawItem, context);
    return article
      ? { pending: article.identity, read: () => normalize(article.normalize, fingerprintOf) }
      : normalize(() => normalizeItem(rawItem, context), fingerprintOf);
  };
  // An empty channel title would make a blank header in the email: the host names the feed.
  const title =
    plainTitle(repairC1Controls(xmlText(raw.title) ?? "")) || hostOf(siteUrl ?? feedBase);
  return { title, siteUrl, entries: entriesOf(readItem, context) };
}

/**
 * What the channel says the items are read against: the feed's URL, its base, its site, and the
 * author of the items that name none.
 */
function contextOf(raw: RawFeed, options: ReadOptions) {
  const feedUrl = resolveUrl(options.feedUrl, undefined, ["http:", "https:", "file:"]);
  const feedBase = resolveBaseChain(xmlText(raw["gazette-base"]), feedUrl);
  const siteUrl = siteUrlOf(raw, feedBase, feedUrl);
  const feedAuthor = feedAuthorOf(raw);
  return { baseUrl: siteUrl ?? feedBase, feedUrl, feedAuthor, now: options.now, siteUrl, feedBase };
}

// RFC 4287 §4.2.1: an Atom entry without an author has its feed's. RSS 1.0's channel dc:creator
// and a podcast's channel itunes:author likewise name who writes the channel. managingEditor and
// webMaster name an editor and an administrator: on a blog of many authors they wrote none of it.
function feedAuthorOf(raw: RawFeed): string | undefined {
  return [raw.author, raw["dc:creator"], raw["itunes:author"]].map(personName).find(Boolean);
}

// Unexpected errors are reported the same way as skipped items.
function problemOf(error: unknown): string {
  return error instanceof SkippedItem ? error.message : `failed: ${describeError(error)}`;
}

function isJsonDocument(document: string): boolean {
  return document.trimStart().startsWith("{");
}

// Bumped whenever normalizeItem would turn the same item into a different article: every item
// is then normalized again once.
const FINGERPRINT_VERSION = "7";

/**
 * What an item is remembered by between fetches: a hash of everything normalizeItem reads (the
 * item exactly as rss-parser gave it, and what its relative links resolve against). Equal
 * fingerprints make equal articles, apart from a date that was in the future and is now believed
 * (a stored article keeps its date until its content changes anyway). Collect appends "+" or
 * "-" when it stores the fingerprint: whether the GUID was kept or dropped as repeated.
 */
export function itemFingerprint(raw: object, context: ItemContext): string {
  const { feedUrl, baseUrl, feedAuthor = "" } = context;
  const text = `${FINGERPRINT_VERSION}\n${feedUrl}\n${baseUrl}\n${feedAuthor}\n${JSON.stringify(raw)}`;
  return hash("sha1", text, "base64");
}

/** With `refused`, strict XML has refused the prepared document already: it is read leniently. */
async function readOrExplain(
  document: string,
  feedUrl: string,
  prepared?: string,
  refused = false,
): Promise<RawFeed> {
  const isJson = isJsonDocument(document);
  try {
    if (isJson) return readJsonFeed(document);
    const xml = prepared ?? prepareFeedXml(document);
    // Unreadable either way: the strict parse's error says why.
    return refused
      ? ((await parseLenientXml(xml)) ?? (await parseStrictXml(xml)))
      : await parseFeedXml(xml);
  } catch (error) {
    // A feed refused for its size (entity expansion) is not a malformed one: say which.
    if (isGazetteError(error, "FEED_TOO_LARGE")) throw inFeed(feedUrl, error);
    const kind = isJson ? "JSON Feed" : "RSS or Atom feed";
    const message = `${feedUrl}: not a valid ${kind} (${explain(document, error)})`;
    throw new GazetteError("FEED_PARSE_FAILED", message, { cause: error });
  }
}

/** A size refusal from preparing the document, naming the feed. */
function inFeed(feedUrl: string, error: unknown): unknown {
  if (!isGazetteError(error, "FEED_TOO_LARGE")) return error;
  return new GazetteError("FEED_TOO_LARGE", `${feedUrl}: ${error.message}`, { cause: error });
}

function explain(document: string, error: unknown): string {
  if (document.trim() === "") return "the document is empty";
  if (isHtmlPage(document)) return "it is an HTML page";
  return describeError(error).replace(/\s*\n\s*/g, ", ");
}

// An HTML DOCTYPE, or an <html> root after an XML prolog (an XHTML login page).
function isHtmlPage(document: string): boolean {
  return (
    /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(document) ||
    /^(?:[\w.-]+:)?html$/i.test(rootElementOf(document) ?? "")
  );
}

// The site's page, never the feed itself. RFC 4287 §4.2.7.2: an Atom link without rel is
// "alternate" (rss-parser reads only an explicit one, else the first link, often rel="self"); an
// RSS channel without <link> may give it as an atom:link rel="alternate".
function siteUrlOf(
  raw: RawFeed,
  feedBase: string | undefined,
  feedUrl: string | undefined,
): string | undefined {
  const links = [...asArray(raw.links), ...asArray(raw.atomLinks)];
  const alternate = links.find((link) => relOf(link) === "alternate" && !isFeedType(link));
  const link = resolveUrl(xmlText(alternate) ?? linkHref(alternate) ?? xmlText(raw.link), feedBase);
  // rss-parser's feedUrl is any first atom:link of an RSS channel: only a JSON Feed's is read.
  const selfLink = links.find((link) => relOf(link) === "self");
  const self = resolveUrl(links.length > 0 ? linkHref(selfLink) : xmlText(raw.feedUrl), feedBase);
  return link === undefined || link === self || link === feedUrl ? undefined : link;
}

// An RSS <link> is text: the site. An element's rel defaults to "alternate".
function relOf(link: unknown): string {
  if (typeof link === "string") return "alternate";
  return xmlAttribute(link, "rel")?.toLowerCase() ?? (linkHref(link) ? "alternate" : "");
}

function linkHref(link: unknown): string | undefined {
  return xmlAttribute(link, "href");
}

// An alternate in another feed format (type="application/atom+xml") is no page to visit.
function isFeedType(link: unknown): boolean {
  return /xml|json/i.test(xmlAttribute(link, "type") ?? "");
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" || protocol === "https:" ? hostname || undefined : undefined;
}
