import { createHash } from "node:crypto";
import { describeError, GazetteError } from "../shared/errors.js";
import {
  type ItemContext,
  type ItemIdentity,
  identifyItem,
  type NormalizedItem,
  normalizeItem,
  SkippedItem,
} from "./normalize-item.js";
import { plainTitle } from "./plain-title.js";
import { type RawFeed, readFeedXml } from "./read-feed-xml.js";
import { readJsonFeed } from "./read-json-feed.js";
import { resolveBaseChain } from "./record-xml-base.js";
import { repairC1Controls } from "./repair-c1-controls.js";
import { resolveUrl } from "./resolve-url.js";
import { xmlText } from "./xml-value.js";

export interface ReadOptions {
  /** Where the feed came from: relative links are resolved against it. */
  feedUrl: string;
  /** Dates more than a day after this are not believed. */
  now: Date;
}

/** readChangedFeed's answer: ReadFeed, where items listed in `known` are SeenEntry. */
export type ChangedFeed = Omit<ReadFeed, "entries"> & {
  entries: Array<ReadFeed["entries"][number] | SeenEntry>;
};

/** An item listed in `known` (see readChangedFeed): identified only; `normalize` does the rest. */
export interface SeenEntry {
  seen: ItemIdentity & { url: string; canonicalUrl: string };
  /** The item's fingerprint, without the mark of how its GUID was stored (see itemFingerprint). */
  fingerprint: string;
  /** Whether the GUID was dropped as repeated when the fingerprint was recorded. */
  guidDropped: boolean;
  normalize(): NormalizedItem;
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
 * readFeed for collect: every item gets its fingerprint (see itemFingerprint), and an item whose
 * fingerprint is in `known` (collect's, from the feed's last fetch) is only identified, as a
 * SeenEntry: its content is not sanitized and converted again.
 */
export function readChangedFeed(
  document: string,
  options: ReadOptions,
  known: readonly string[],
): Promise<ChangedFeed> {
  return readEntries(document, options, new Set(known));
}

async function readEntries(
  document: string,
  options: ReadOptions,
  known: Set<string> | undefined,
): Promise<ChangedFeed> {
  const raw = await readOrExplain(document, options.feedUrl);
  const feedUrl = resolveUrl(options.feedUrl, undefined, ["http:", "https:", "file:"]);
  const feedBase = resolveBaseChain(xmlText(raw["gazette-base"]), feedUrl);
  const siteUrl = siteUrlOf(raw, feedBase, feedUrl);
  const context = { baseUrl: siteUrl ?? feedBase, feedUrl, now: options.now };
  const entries = raw.items.map((rawItem): ReadFeed["entries"][number] | SeenEntry => {
    try {
      if (known === undefined || rawItem.failure !== undefined)
        return normalizeItem(rawItem, context);
      const fingerprint = itemFingerprint(rawItem, context);
      const normalize = () => ({ ...normalizeItem(rawItem, context), fingerprint });
      const guidDropped = known.has(`${fingerprint}-`);
      if (!guidDropped && !known.has(`${fingerprint}+`)) return normalize();
      const seen = identifyItem(rawItem, context);
      const { url, canonicalUrl } = seen;
      if (url === undefined || canonicalUrl === undefined) return normalize();
      return { seen: { ...seen, url, canonicalUrl }, fingerprint, guidDropped, normalize };
    } catch (error) {
      // Unexpected errors are reported the same way: one bad item never fails its feed.
      const reason =
        error instanceof SkippedItem ? error.message : `failed: ${describeError(error)}`;
      return { problem: reason };
    }
  });
  // An empty channel title would make a blank header in the email: the host names the feed.
  const title =
    plainTitle(repairC1Controls(xmlText(raw.title) ?? "")) || hostOf(siteUrl ?? feedBase);
  return { title, siteUrl, entries };
}

// Bumped whenever normalizeItem would turn the same item into a different article: every item
// is then normalized again once.
const FINGERPRINT_VERSION = "1";

/**
 * What an item is remembered by between fetches: a hash of everything normalizeItem reads (the
 * item exactly as rss-parser gave it, and what its relative links resolve against). Equal
 * fingerprints make equal articles, apart from a date that was in the future and is now believed
 * (a stored article keeps its date until its content changes anyway). Collect appends "+" or
 * "-" when it stores the fingerprint: whether the GUID was kept or dropped as repeated.
 */
export function itemFingerprint(raw: object, context: ItemContext): string {
  return createHash("sha1")
    .update(`${FINGERPRINT_VERSION}\n${context.feedUrl}\n${context.baseUrl}\n`)
    .update(JSON.stringify(raw))
    .digest("base64");
}

async function readOrExplain(document: string, feedUrl: string): Promise<RawFeed> {
  const isJson = document.trimStart().startsWith("{");
  try {
    return isJson ? readJsonFeed(document) : await readFeedXml(document);
  } catch (error) {
    const kind = isJson ? "JSON Feed" : "RSS or Atom feed";
    const message = `${feedUrl}: not a valid ${kind} (${explain(document, error)})`;
    throw new GazetteError("FEED_PARSE_FAILED", message, { cause: error });
  }
}

function explain(document: string, error: unknown): string {
  if (document.trim() === "") return "the document is empty";
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(document)) {
    return "it is an HTML page";
  }
  return describeError(error).replace(/\s*\n\s*/g, ", ");
}

// An Atom feed without an "alternate" link gets its first link, often the feed itself.
function siteUrlOf(
  raw: RawFeed,
  feedBase: string | undefined,
  feedUrl: string | undefined,
): string | undefined {
  const link = resolveUrl(xmlText(raw.link), feedBase);
  const self = resolveUrl(xmlText(raw.feedUrl), feedBase);
  return link === undefined || link === self || link === feedUrl ? undefined : link;
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" || protocol === "https:" ? hostname || undefined : undefined;
}
