import { createHash } from "node:crypto";
import { dropControls, dropLineControls } from "../../shared/control-characters.js";
import type { RawItem } from "../parse/read-feed-xml.js";
import { resolveBaseChain } from "../parse/record-xml-base.js";
import { xmlAttribute, xmlText } from "../parse/xml-value.js";
import type { FeedItem } from "../types.js";
import { canonicalUrl } from "./canonical-url.js";
import { htmlToPlainText } from "./html-to-plain-text.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { clipLine, plainTitle } from "./plain-title.js";
import { repairC1Controls } from "./repair-c1-controls.js";
import { isHttpUrl, resolveUrl } from "./resolve-url.js";
import { sanitizeContent } from "./sanitize-content.js";
import { textToHtml } from "./text-to-html.js";

export interface ItemContext {
  /** What relative item links are resolved against: the site's link, else the feed's URL. */
  baseUrl: string | undefined;
  /** The document's own URL: what an xml:base chain starts from. */
  feedUrl: string | undefined;
  /** Who the feed says writes it all (see feedAuthorOf): the author of an item naming none. */
  feedAuthor?: string;
  now: Date;
}

/** An item normalized as far as its fields allow: `url` is missing when it has no usable link. */
export type NormalizedItem = Omit<FeedItem, "url" | "canonicalUrl"> & {
  url?: string;
  canonicalUrl?: string;
};

/** Thrown for an item that cannot become an article; the feed reports it and goes on. */
export class SkippedItem extends Error {}

const TITLE_FALLBACK_WORDS = 12;

/** What identifies an item and orders it, read without touching its content (cheap). */
export interface ItemIdentity {
  guid?: string;
  url?: string;
  canonicalUrl?: string;
  publishedAt?: Date;
}

/** The item's identity and date, as normalizeItem reads them. */
export function identifyItem(raw: RawItem, context: ItemContext): ItemIdentity {
  const { guid, url, canonicalUrl, publishedAt } = readIdentity(raw, context);
  return { guid, url, canonicalUrl, publishedAt };
}

/** An item sure to make an article: its identity, and the rest of normalizeItem to do. */
export interface IdentifiedArticle {
  identity: ItemIdentity;
  /** normalizeItem's answer, from the identity read already. */
  normalize: () => NormalizedItem;
}

/**
 * The item's identity when it will surely make an article (it has a link and a title of its own),
 * read without touching its content; undefined when only normalizing it can tell.
 */
export function identifyArticle(raw: RawItem, context: ItemContext): IdentifiedArticle | undefined {
  try {
    const read = readIdentity(raw, context);
    if (read.url === undefined || !hasTitle(raw)) return undefined;
    const { guid, url, canonicalUrl, publishedAt } = read;
    const identity = { guid, url, canonicalUrl, publishedAt };
    return { identity, normalize: () => normalizeIdentified(raw, context, read) };
  } catch {
    return undefined;
  }
}

// Whether titleOf gives a title; at a glance for a plain one (a letter or digit, and no markup
// or entity that could leave nothing of it).
function hasTitle(raw: RawItem): boolean {
  const plain = xmlText(firstOf(raw.title));
  if (plain !== undefined && /[\p{L}\p{N}]/u.test(plain) && !/[<&]/.test(plain)) return true;
  return titleOf(raw) !== "";
}

type ReadIdentity = ReturnType<typeof readIdentity>;

function readIdentity(raw: RawItem, context: ItemContext) {
  if (raw.failure !== undefined) throw new SkippedItem(raw.failure);
  const xmlBase = xmlText(raw["gazette-base"]);
  const itemBase = xmlBase ? resolveBaseChain(xmlBase, context.feedUrl) : context.baseUrl;
  const guid = absolutePath(
    withoutControls(xmlText(raw.guid) ?? xmlText(raw.id) ?? xmlText(raw["rdf:about"])),
    itemBase,
  );
  // An RSS <link> is the page; else the Atom link that is (also an RSS item's atom:link); with
  // link elements but no page among them (an enclosure, "self"), a permalink id is the page.
  const rssLink = asArray(raw.itemLinks).map(xmlText).find(Boolean);
  const elements = [...asArray(raw.itemLinks), ...asArray(raw.atomItemLinks)].filter(linkHref);
  const other = elements.length > 0 && isPermalink(raw, guid) ? undefined : xmlText(raw.link);
  const page =
    xmlText(raw["feedburner:origLink"]) ?? rssLink ?? linkHref(pageLink(elements)) ?? other;
  const url =
    resolveUrl(withoutControls(page), itemBase) ??
    permalinkOf(raw, guid, itemBase) ??
    resolveUrl(withoutControls(mediaOf(raw)), itemBase);
  const publishedAt = parseFeedDate(
    [
      ...[raw.published, raw.pubDate, raw["dc:date"], raw["dcterms:issued"]],
      // Atom 0.3 said issued, created and modified; RSS items may carry Atom's dates.
      ...[raw["atom:published"], raw.issued, raw["dcterms:created"], raw.created, raw.updated],
      ...[raw["atom:updated"], raw.modified, raw["dcterms:modified"], raw.isoDate],
    ].map(xmlText),
    context.now,
  );
  const canonical = url === undefined ? undefined : canonicalUrl(url);
  return { guid, url, canonicalUrl: canonical, publishedAt, xmlBase, itemBase };
}

/** One rss-parser item normalized: absolute URLs, plain-text title, sanitized content. */
export function normalizeItem(raw: RawItem, context: ItemContext): NormalizedItem {
  return normalizeIdentified(raw, context, readIdentity(raw, context));
}

function normalizeIdentified(
  raw: RawItem,
  context: ItemContext,
  identity: ReadIdentity,
): NormalizedItem {
  const { guid, url, canonicalUrl, publishedAt, xmlBase, itemBase } = identity;
  // Inside an item, xml:base says what relative links mean; without it, the item's own page.
  const contentBase = xmlText(raw["gazette-content-base"]) ?? xmlBase;
  // Control characters are no text (and PostgreSQL refuses NUL): dropped before anything is kept.
  const contentHtml = dropControls(
    sanitizeContent(
      repairC1Controls(richestContent(raw) || describedElsewhere(raw)),
      contentBase ? resolveBaseChain(contentBase, context.feedUrl) : (url ?? itemBase),
    ),
  );
  const contentText = dropControls(htmlToPlainText(contentHtml));
  const title = titleOf(raw) || firstWords(contentText, TITLE_FALLBACK_WORDS);
  return {
    guid,
    url,
    canonicalUrl,
    title,
    author: authorOf(raw) ?? context.feedAuthor,
    publishedAt,
    contentHtml,
    contentText,
    categories: categoriesOf([
      ...asArray(raw.rawCategories),
      ...asArray(raw.subjects),
      ...asArray(raw.mediaCategories),
      ...asArray(childOf(firstOf(raw.mediaGroup), "media:category")),
    ]),
    imageUrl: imageOf(raw, url ?? itemBase),
    contentHash: createHash("sha256").update(`${title}\n${contentText}`).digest("hex"),
  };
}

/** The item as an article, or SkippedItem when a newsletter cannot use it (no link, nothing to show). */
export function toArticle(item: NormalizedItem): FeedItem {
  const { url, canonicalUrl } = item;
  if (url === undefined || canonicalUrl === undefined) {
    throw new SkippedItem(`"${item.title || item.guid || "untitled"}" has no link`);
  }
  if (!item.title) throw new SkippedItem(`${url} has neither a title nor content`);
  return { ...item, url, canonicalUrl };
}

// An id written as a path ("/2025/post") is a link relative to the feed, like any other.
function absolutePath(id: string | undefined, base: string | undefined): string | undefined {
  return id?.startsWith("/") && !id.startsWith("//") ? (resolveUrl(id, base) ?? id) : id;
}

// RFC 4287 §4.2.7.2: a link without rel is rel="alternate", the entry's page; of several, one
// of an HTML type, else of none, not the JSON or the Atom of the same entry. rss-parser took a link
// with rel="alternate" spelled so, else the first link: replies, self, an enclosure.
function pageLink(links: unknown[]): unknown {
  const alternates = links.filter(
    (link) => (xmlAttribute(link, "rel") ?? "alternate").toLowerCase() === "alternate",
  );
  const typeOf = (link: unknown) => xmlAttribute(link, "type") ?? "";
  return (
    alternates.find((link) => /html/i.test(typeOf(link))) ??
    alternates.find((link) => typeOf(link) === "") ??
    alternates[0]
  );
}

function linkHref(link: unknown): string | undefined {
  return xmlAttribute(link, "href");
}

// rss-parser keeps <guid isPermaLink="false"> as plain text; the element says whether it links.
function isPermalink(raw: RawItem, guid: string | undefined): guid is string {
  const element = asArray(raw.guidElement)[0];
  return isHttpUrl(guid) && xmlAttribute(element, "isPermaLink")?.toLowerCase() !== "false";
}

// RSS 2.0: a guid with isPermaLink="true" said outright is the item's page, even written relative
// to the site ("?p=123", "posts/a"); one that only defaults to true is a page when it is a URL.
function permalinkOf(raw: RawItem, guid: string | undefined, base: string | undefined) {
  if (isPermalink(raw, guid)) return guid;
  const said = xmlAttribute(asArray(raw.guidElement)[0], "isPermaLink")?.toLowerCase();
  return said === "true" ? resolveUrl(guid, base) : undefined;
}

// A podcast episode or a video without a page is its sound or its video: the enclosure, else a
// Media RSS content (of the item, of its media:group), rather than no episode at all.
function mediaOf(raw: RawItem): string | undefined {
  const group = childOf(firstOf(raw.mediaGroup), "media:content");
  const media = [...asArray(raw.enclosures), ...asArray(raw.mediaContent), ...asArray(group)];
  return media.map((entry) => xmlAttribute(entry, "url")).find(Boolean);
}

// Feeds often carry an excerpt in one field and the whole article in another.
function richestContent(raw: RawItem): string {
  const bodies = [raw["content:encoded"], raw.content, raw.summary, raw["dc:description"]];
  const atom = [raw["atom:content"], raw["atom:summary"]];
  const candidates = [...bodies, ...atom, raw.body, raw["xhtml:body"], raw.fullitem].map(xmlText);
  const richest = candidates.reduce<string>(
    (best, next) => (next && next.length > best.length ? next : best),
    "",
  );
  return isPlainText(raw, richest) ? (textToHtml(richest) ?? "") : richest;
}

// An Atom body of type="text" is text (RFC 4287 §3.1.1.1): "<div>" in it is a word, and its
// blank lines are paragraphs. So is a body with no tag and no entity in it, whatever its type.
function isPlainText(raw: RawItem, body: string): boolean {
  const elements = [raw.contentElement, raw.summaryElement].map(firstOf);
  const element = elements.find((value) => xmlText(value) === body);
  // Atom 0.3 names the type as a MIME type.
  if (/^text(?:\/plain)?$/i.test(xmlAttribute(element, "type") ?? "")) return true;
  return /\n\s*\n/.test(body) && !/<[A-Za-z!/?]|&(?:#\d+|#x[\da-f]+|\w+);/i.test(body);
}

// A podcast episode or a video (YouTube's Atom feed) may describe itself only in its podcast or
// Media RSS fields: the description when the item has no other.
function describedElsewhere(raw: RawItem): string {
  const candidates = [raw["itunes:summary"], ...mediaField(raw, "media:description")];
  return candidates.map((value) => xmlText(firstOf(value))).find(Boolean) ?? "";
}

// An item without <title> may name itself as an episode (itunes:title) or as media (media:title,
// also in a media:group); the media:title of a media:content is its picture's, never the item's.
function titleOf(raw: RawItem): string {
  const candidates = [raw.title, raw["itunes:title"], ...mediaField(raw, "media:title")];
  for (const candidate of candidates) {
    const title = plainTitle(repairC1Controls(xmlText(firstOf(candidate)) ?? ""));
    if (title) return title;
  }
  return "";
}

// The first author field that names a person, with every person it names: one that gives an
// address alone gives way to the next (`<author>mark@example.org</author>` to an itunes:author).
function authorOf(raw: RawItem): string | undefined {
  const fields = [raw["dc:creator"], raw.creator, raw.authors, raw.author, raw["dc:author"]];
  return [...fields, raw["atom:author"], raw["itunes:author"]].map(personNames).find(Boolean);
}

/** The people an author field names (one element or several), as one line: "Ada, Grace". */
function personNames(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value]).map(personName).filter(Boolean);
  return clipLine([...new Set(names)].join(", ")) || undefined;
}

/**
 * The person an author element names, as plain text: its text or its Atom <name> child, without
 * the e-mail address beside it; undefined when it gives an address alone. An address never
 * becomes a name: a summary would say "mark@example.org shares…".
 */
export function personName(value: unknown): string | undefined {
  const element = firstOf(value);
  const text = xmlText(element) ?? xmlText(firstOf(childOf(element, "name", "atom:name")));
  if (!text) return undefined;
  // RSS <author> is "jane@example.com (Jane Doe)", elsewhere "Jane Doe (jane@example.com)" or
  // "Jane Doe <jane@example.com>". Each pattern has one way to match, and the others look at
  // the text after its last "(" or "<", so a hostile name costs linear time (issue 14).
  const name = text.match(/^[^\s@]+@[^\s(]+\s*\((.+)\)$/)?.[1] ?? withoutTrailingAddress(text);
  if (!name || isAddress(name)) return undefined;
  return plainTitle(name) || undefined;
}

// An e-mail address alone, maybe as "<…>" or "mailto:…".
const ADDRESS = /^(?:mailto:)?<?[^\s@<>()]+@[^\s@<>()]+>?$/i;

function isAddress(text: string): boolean {
  return ADDRESS.test(text);
}

// "Jane Doe <jane@example.com>" and "Jane Doe (jane@example.com)" → "Jane Doe": the last "<" or
// "(" starts the address, if any; a quoted name loses its quotes.
function withoutTrailingAddress(value: string): string {
  const start = Math.max(value.lastIndexOf("<"), value.lastIndexOf("("));
  if (start <= 0 || !/^(?:<[^\s@]+@\S+>|\([^\s@()]+@[^\s()]+\))$/.test(value.slice(start))) {
    return value;
  }
  // RFC 5322 quotes a display name with a comma or a period ("Pilgrim, Mark" <…>).
  const name = value.slice(0, start).trim();
  return name.match(/^"([^"]+)"$/)?.[1] ?? name;
}

// A Media RSS field of the item itself, then of its media:group (never of a media:content).
function mediaField(raw: RawItem, name: string): unknown[] {
  return [raw[name], childOf(raw.mediaGroup, name)];
}

// xml2js gives a repeated element as an array; a custom field may hold the first or all.
function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function childOf(element: unknown, ...names: string[]): unknown {
  if (typeof element !== "object" || element === null) return undefined;
  const children = element as Record<string, unknown>;
  return names.map((name) => children[name]).find((child) => child !== undefined);
}

// A control character in an identifier or link is no part of it (and PostgreSQL refuses NUL).
function withoutControls(value: string | undefined): string | undefined {
  return value === undefined ? undefined : dropControls(value) || undefined;
}

// A post files itself under a handful of categories; a feed that gives one item thousands (or
// one of pages) fills the store and the summarizer's tag matching with nothing a reader uses.
const MAX_CATEGORIES = 50;
const MAX_CATEGORY_CHARS = 100;

// RFC 4287 §4.2.2.2: an Atom category's label is its name for people; the term is for machines.
// The first MAX_CATEGORIES distinct ones, each at most MAX_CATEGORY_CHARS long.
function categoriesOf(values: unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    if (seen.size >= MAX_CATEGORIES) break;
    const label = xmlText(value) ?? xmlAttribute(value, "label") ?? xmlAttribute(value, "term");
    const name = clipLine(dropLineControls(label ?? "").replace(/\s+/g, " "), MAX_CATEGORY_CHARS);
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

// The picture the feed names as the item's: a Media RSS thumbnail or image (of the item, of a
// media:content, of a media:group: YouTube's and MSN's shape), a podcast episode's itunes:image
// (href, or url as some generators write it), an image among the enclosures (RSS may give
// several, Atom gives them as link rel="enclosure"). An <img> in the body is no such claim.
function imageOf(raw: RawItem, base: string | undefined): string | undefined {
  const group = firstOf(raw.mediaGroup);
  const own = asArray(raw.mediaContent);
  const grouped = asArray(childOf(group, "media:content"));
  const links = [...asArray(raw.itemLinks), ...asArray(raw.itunesLinks)];
  const candidates = [
    xmlAttribute(raw.mediaThumbnail, "url"),
    ...own.filter(isImage).map((entry) => xmlAttribute(entry, "url")),
    xmlAttribute(thumbnailOf(group), "url"),
    ...grouped.filter(isImage).map((entry) => xmlAttribute(entry, "url")),
    // A video's or a sound's own thumbnail stands for it.
    ...[...own, ...grouped].map((entry) => xmlAttribute(thumbnailOf(entry), "url")),
    xmlAttribute(raw.itunesImage, "href") ?? xmlAttribute(raw.itunesImage, "url"),
    ...asArray(raw.enclosures)
      .filter(isImage)
      .map((enclosure) => xmlAttribute(enclosure, "url")),
    ...links
      .filter((link) => {
        const rel = xmlAttribute(link, "rel")?.toLowerCase();
        return rel === "image" || (rel === "enclosure" && isImage(link));
      })
      .map((link) => xmlAttribute(link, "href")),
  ];
  return candidates.map((candidate) => resolveUrl(candidate, base)).find(Boolean);
}

function thumbnailOf(element: unknown): unknown {
  return firstOf(childOf(element, "media:thumbnail"));
}

function isImage(media: unknown): boolean {
  return (
    xmlAttribute(media, "medium") === "image" ||
    Boolean(xmlAttribute(media, "type")?.startsWith("image/"))
  );
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function firstWords(plainText: string, count: number): string {
  const words = plainText.split(/\s+/).filter(Boolean);
  return clipLine(words.length > count ? `${words.slice(0, count).join(" ")}…` : words.join(" "));
}
