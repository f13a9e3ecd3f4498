import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Config, parseConfigText } from "../../src/config/index.js";
import { openStore, type Store } from "../../src/store/index.js";

/** One item of a generated RSS feed. */
export interface TestItem {
  slug: string;
  title?: string;
  /** ISO date; omitted: the item has no date. */
  date?: string;
  guid?: string;
  /** HTML of the item's description. */
  html?: string;
}

/** An RSS 2.0 document whose item links point under `base`. */
export function rssFeed(base: string, items: TestItem[], title = "Test Blog"): string {
  const entries = items.map(
    (item) => `<item>
  <title>${item.title ?? `Post ${item.slug}`}</title>
  <link>${base}/posts/${item.slug}</link>
  ${item.guid ? `<guid isPermaLink="false">${item.guid}</guid>` : ""}
  ${item.date ? `<pubDate>${new Date(item.date).toUTCString()}</pubDate>` : ""}
  <description><![CDATA[${item.html ?? `<p>${"A sentence about systems and the lessons we learned. ".repeat(40)}</p>`}]]></description>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link>${entries.join("\n")}</channel></rss>`;
}

/**
 * A validated config (through the real loader) for these feeds, fetching from 127.0.0.1;
 * `collect` lines are added under `collect:`.
 */
export function testConfig(
  feeds: Array<{ url: string; name?: string; extra?: string }>,
  collect: string[] = [],
): Config {
  const text = `newsletter:
  name: Collect Test
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Test <digest@news.example.com>
collect:
  timeout: 2s
  allowPrivate: ["127.0.0.1"]
${collect.map((line) => `  ${line}`).join("\n")}
feeds:
${feeds.map((feed) => `  - url: ${feed.url}${feed.name ? `\n    name: ${feed.name}` : ""}${feed.extra ? `\n    ${feed.extra}` : ""}`).join("\n")}
lists:
  - id: weekly
    name: Weekly
    lookback: 7d
`;
  return parseConfigText(text, "collect-test.yaml", {});
}

/** A fresh SQLite store in a temp directory. */
export function tempStore(): Promise<Store> {
  return openStore(mkdtempSync(path.join(tmpdir(), "gazette-collect-")));
}
