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

export type FetchResult =
  | {
      kind: "ok";
      /** The final URL after redirects (or the file path). */
      url: string;
      status: number;
      body: string;
      etag?: string;
      lastModified?: string;
    }
  | { kind: "not-modified"; url: string; status: 304 };

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}
