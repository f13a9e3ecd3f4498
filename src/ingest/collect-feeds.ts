import pLimit from "p-limit";
import type { Config } from "../config/index.js";
import { parseDuration } from "../config/index.js";
import { describeError } from "../shared/errors.js";
import type { FeedRow, Store } from "../store/index.js";
import { fetchFeed } from "./fetch-feed.js";
import { parseFeed } from "./parse-feed.js";

export interface FeedReport {
  url: string;
  name: string;
  status: "fetched" | "unchanged" | "failed";
  newArticles: number;
  updatedArticles: number;
  error?: string;
  /** Items skipped inside an otherwise good feed. */
  problems: string[];
}

export interface CollectReport {
  feeds: FeedReport[];
  fetched: number;
  unchanged: number;
  failed: number;
  newArticles: number;
  updatedArticles: number;
}

/**
 * Fetches every configured feed (bounded concurrency) and stores new and changed articles.
 * A feed that fails is reported with its reason and never stops the others.
 */
export async function collectFeeds(
  store: Store,
  config: Config,
  now: () => Date,
): Promise<CollectReport> {
  const feeds = await store.feeds.sync(config.feeds, now());
  const limit = pLimit(config.collect.concurrency);
  const reports = await Promise.all(
    feeds.map((feed) => limit(() => collectOne(store, config, feed, now))),
  );
  return {
    feeds: reports,
    fetched: reports.filter((r) => r.status === "fetched").length,
    unchanged: reports.filter((r) => r.status === "unchanged").length,
    failed: reports.filter((r) => r.status === "failed").length,
    newArticles: reports.reduce((sum, r) => sum + r.newArticles, 0),
    updatedArticles: reports.reduce((sum, r) => sum + r.updatedArticles, 0),
  };
}

async function collectOne(
  store: Store,
  config: Config,
  feed: FeedRow,
  now: () => Date,
): Promise<FeedReport> {
  const report: FeedReport = {
    url: feed.url,
    name: feed.name ?? feed.title ?? feed.url,
    status: "failed",
    newArticles: 0,
    updatedArticles: 0,
    problems: [],
  };
  try {
    const result = await fetchFeed(feed.url, {
      etag: feed.etag ?? undefined,
      lastModified: feed.last_modified ?? undefined,
      timeoutMs: parseDuration(config.collect.timeout),
      maxBytes: config.collect.maxBytes,
      userAgent: config.collect.userAgent,
    });
    if (result.kind === "not-modified") {
      report.status = "unchanged";
      await store.feeds.recordFetch(feed.id, { status: "unchanged", fetchedAt: now() });
      return report;
    }
    if (result.kind === "gone") throw new Error(`HTTP 410 Gone from ${feed.url}: the feed was removed`);
    const parsed = await parseFeed(result.body, { feedUrl: result.url, now: now() });
    report.problems = parsed.problems;
    for (const item of parsed.items) {
      const outcome = await store.articles.upsert({ ...item, feedId: feed.id }, now());
      if (outcome === "new") report.newArticles++;
      if (outcome === "updated") report.updatedArticles++;
    }
    report.status = "fetched";
    await store.feeds.recordFetch(feed.id, {
      status: "fetched",
      fetchedAt: now(),
      etag: result.etag,
      lastModified: result.lastModified,
      itemCount: parsed.items.length,
      title: parsed.title,
      siteUrl: parsed.siteUrl,
    });
  } catch (error) {
    report.error = describeError(error);
    await store.feeds.recordFetch(feed.id, {
      status: "failed",
      fetchedAt: now(),
      error: report.error,
    });
  }
  return report;
}
