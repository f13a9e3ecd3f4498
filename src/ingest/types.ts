/** One item of a feed after parsing, normalizing and sanitizing: ready to store as an article. */
export interface FeedItem {
  guid?: string;
  /** The item's link, absolute. */
  url: string;
  /** The article's identity: tracking parameters, fragments and the like removed. */
  canonicalUrl: string;
  title: string;
  author?: string;
  /** Undefined when the feed gave no usable date; the store then uses the first-seen time. */
  publishedAt?: Date;
  /** Sanitized HTML (safe to show in an email), links absolute. */
  contentHtml: string;
  /** Plain text of the content, paragraphs separated by blank lines. */
  contentText: string;
  categories: string[];
  /** The item's picture (media:thumbnail, media:content or an image enclosure), absolute http(s). */
  imageUrl?: string;
  /** sha256 of title + text: changes when the article's content changes. */
  contentHash: string;
  /** Set when parsed for collect (ParseOptions.known): what to remember the item by (see readFeed). */
  fingerprint?: string;
}

/** An item that has not changed since the last fetch: identified, not normalized again. */
export interface SeenItem {
  canonicalUrl: string;
}

/**
 * What collect remembers of an item from one fetch to the next: its fingerprint and the identity
 * it had, so that an unchanged item is known without being parsed or normalized again.
 */
export interface KnownItem {
  /** See readChangedFeed; ends with "+" or "-": the GUID kept, or dropped as repeated. */
  fingerprint: string;
  canonicalUrl: string;
  /** The GUID as the feed gave it, before a repeated one was dropped. */
  guid?: string;
  /** Milliseconds since the epoch. */
  publishedAt?: number;
}

export interface ParsedFeed {
  title?: string;
  siteUrl?: string;
  items: FeedItem[];
  /** Items skipped, with the reason; one bad item never fails its feed. */
  problems: string[];
  /** With ParseOptions.known: the items unchanged since the last fetch, left out of `items`. */
  seen?: SeenItem[];
  /** With ParseOptions.known: what to remember of this fetch's items (and seen) for the next. */
  known?: KnownItem[];
}

/** What the server said about when to ask again (Cache-Control max-age, Retry-After). */
export interface FetchHints {
  /** Seconds from Cache-Control: max-age (or Expires), when given. */
  maxAgeSeconds?: number;
  /** Seconds from Retry-After (on 429/503), when given. */
  retryAfterSeconds?: number;
  /** Set when a 301 or 308 moved the feed for good: the new URL to store. */
  movedPermanentlyTo?: string;
}

export type FetchResult =
  | ({
      kind: "ok";
      /** The final URL after redirects (or the file path). */
      url: string;
      status: number;
      /** The body's bytes, content codings undone; documentText decodes them. */
      bytes: Uint8Array;
      /** The Content-Type header: its charset says how to decode the bytes. */
      contentType?: string;
      etag?: string;
      lastModified?: string;
    } & FetchHints)
  | ({ kind: "not-modified"; url: string; status: 304 } & FetchHints)
  /** 410 Gone: the feed is retired and never fetched again. */
  | ({ kind: "gone"; url: string; status: 410 } & FetchHints);

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  /** Total deadline for the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** Cap on the DECODED body (after gzip/br/deflate), so a compression bomb stops here too. */
  maxBytes: number;
  userAgent: string;
  /** Gives up when no byte arrives for this long (before or during the body); default 10 000. */
  idleTimeoutMs?: number;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /**
   * `collect.allowPrivate`: addresses, CIDR ranges or host names that may be private/loopback.
   * Read by `fetchFeed` only; a Fetcher takes it once, in `createFetcher`.
   */
  allowPrivate?: readonly string[];
  /** Replaces the system resolver (tests map `evil.test` to 127.0.0.1). Read by `fetchFeed` only. */
  resolveHost?: HostResolver;
}

/** Every address a host name resolves to, as `dns.lookup(name, { all: true })` gives them. */
export type HostResolver = (
  hostname: string,
) => Promise<Array<{ address: string; family: number }>>;

/** A fetched document, text or the bytes as they came: parse workers decode those themselves. */
export type FetchedDocument = string | { bytes: Uint8Array; contentType?: string };
