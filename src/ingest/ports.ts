// What collect asks of the store, in its own terms: the store implements this port
// (store.articleSink) and maps its rows at its boundary; each save's transaction stays inside it.
import type { FeedItem } from "./types.js";

/** A stored feed as collect fetches it: where, with which validators, and when it is due. */
export interface FeedToCollect {
  id: number;
  /** The configured URL: the feed's identity. */
  url: string;
  /** Where a 301/308 moved it: fetched instead of `url`. */
  currentUrl: string | null;
  name: string | null;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The last fetch's outcome (fetched, unchanged, failed, gone); null before the first. */
  lastStatus: string | null;
  lastError: string | null;
  consecutiveErrors: number;
  itemCount: number;
  /** Not fetched before this (max-age, Retry-After, backoff) unless forced. */
  nextFetchAt: Date | null;
  /** Set when the feed answered 410 Gone: never fetched again. */
  retiredAt: Date | null;
}

/** What collect needs to know of a stored article with the same canonical URL. */
export interface StoredArticle {
  feedId: number;
  /** The hash of the item as its feed carried it; null while it is owed its full text. */
  feedHash: string | null;
}

/** The store as collect uses it. */
export interface ArticleSink {
  /** Adds the configured feeds that are new, updates names and tags; returns all of them. */
  syncFeeds(
    feeds: { url: string; name?: string; tags: string[] }[],
    now: Date,
  ): Promise<FeedToCollect[]>;
  /**
   * What collect remembered of the feed's items at its last fetch, as the JSON text the parse
   * worker takes (it crosses to the worker as text and is read only there); undefined: nothing.
   */
  knownItemsJson(feedId: number): Promise<string | undefined>;
  /** The stored articles with these canonical URLs, by URL. */
  storedArticles(canonicalUrls: string[]): Promise<Map<string, StoredArticle>>;
  /** Fetches in one transaction, in order: each one's articles upserted, then its fetch recorded. */
  saveFetches(fetches: readonly FetchToSave[]): Promise<UpsertResult[][]>;
}

/** A worker's claims on due feeds (leases, safe against concurrent claimers). */
export interface FeedClaims {
  claimDue(
    owner: string,
    limit: number,
    now: Date,
    leaseMs: number,
    options?: { among?: readonly number[]; fetchedBefore?: Date },
  ): Promise<FeedToCollect[]>;
  releaseLease(feedIds: readonly number[], owner: string): Promise<void>;
}

/** An article of a fetch, as collect stores it: a parsed item of one feed. */
export interface ArticleInput extends Omit<FeedItem, "fingerprint"> {
  feedId: number;
  /** Hash of the item as its feed carried it (default: contentHash); full text changes only contentHash. */
  feedHash?: string;
  /**
   * Its article page was not read this time (host unreachable, time up): stored with no feed
   * hash, so collect does not take it for stored and asks for the page again.
   */
  fullTextOwed?: boolean;
  /** When the article counts as first seen (default: now); see collectFeeds on backfill. */
  firstSeenAt?: Date;
}

/** What saving an article did. */
export type UpsertResult = "new" | "updated" | "unchanged";

/** What to record of one fetch of a feed. */
export interface FetchOutcome {
  /** gone: the feed answered 410 and is retired. */
  status: "fetched" | "unchanged" | "failed" | "gone";
  fetchedAt: Date;
  /** Not fetched again before this time (null: never, for a retired feed). */
  nextFetchAt: Date | null;
  etag?: string | null;
  lastModified?: string | null;
  error?: string;
  itemCount?: number;
  title?: string;
  siteUrl?: string;
  /** A 301/308 moved the feed here: fetched from now on instead of the configured URL. */
  movedTo?: string;
  maxAgeSeconds?: number;
  /** What collect remembers of the fetch's items (its KnownItem), kept as JSON; "fetched" only. */
  itemFingerprints?: readonly object[];
}

/** One fetch of a feed to save: what to record of it, and the articles it brought. */
export interface FetchToSave {
  feedId: number;
  outcome: FetchOutcome;
  inputs?: ArticleInput[];
  /** When the articles were stored (default: the fetch's time). */
  now?: Date;
  /** Canonical URLs of the fetch's other items, unchanged and not written (see upsertAll). */
  alsoFetched?: readonly string[];
}
