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
}

export interface ParsedFeed {
  title?: string;
  siteUrl?: string;
  items: FeedItem[];
  /** Items skipped, with the reason; one bad item never fails its feed. */
  problems: string[];
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
      body: string;
      etag?: string;
      lastModified?: string;
    } & FetchHints)
  | ({ kind: "not-modified"; url: string; status: 304 } & FetchHints)
  /** 410 Gone: the feed is retired and never fetched again. */
  | ({ kind: "gone"; url: string; status: 410 } & FetchHints);

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}
