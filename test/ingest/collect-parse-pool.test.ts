import { readFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { createParsePool, type ParsePool } from "../../src/ingest/parse/create-parse-pool.js";
import { ROOT } from "../helpers/cli.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const fixture = (name: string) =>
  readFileSync(path.join(ROOT, "test/fixtures/feeds", name), "utf8");

function rss(items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://blog.example/</link>${items.join("")}</channel></rss>`;
}

function item(index: number, description: string): string {
  return `<item><title>Post ${index}</title><link>https://blog.example/p/${index}</link><guid>p${index}</guid><description>${description}</description></item>`;
}

/** 1 MB of `&lt;`: rss-parser's snippet code is quadratic on it. */
const HOSTILE = rss([item(1, "&lt;".repeat(256 * 1024))]);

describe("createParsePool (worker threads)", () => {
  let pool: ParsePool | undefined;
  afterEach(() => pool?.close());

  it("parses a feed off the main thread, dates and all", async () => {
    pool = createParsePool({ size: 1 });
    const feed = await pool.parse(fixture("rss2-full.xml"), {
      feedUrl: "https://example.com/feed",
      now: NOW,
    });
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((entry) => entry.canonicalUrl.startsWith("http"))).toBe(true);
    expect(feed.items.some((entry) => entry.publishedAt instanceof Date)).toBe(true);
  });

  it("takes a document as bytes: moved to the worker when they own their buffer, else copied", async () => {
    pool = createParsePool({ size: 1 });
    const text = fixture("rss2-full.xml");
    const own = new Uint8Array(Buffer.byteLength(text));
    own.set(Buffer.from(text));
    // Small Buffers are views on one pool shared by the whole process: never to be moved. Two
    // views on one ArrayBuffer stand for them here (Buffer.from pools only while the current
    // slab has room, so two of its Buffers shared one only most of the time).
    const document = Buffer.from(rss([item(1, "small")]));
    const slab = new ArrayBuffer(9 + document.byteLength);
    const neighbour = Buffer.from(slab, 0, 9);
    neighbour.write("neighbour");
    const pooled = Buffer.from(slab, 9, document.byteLength);
    document.copy(pooled);
    const options = { feedUrl: "https://example.com/feed", now: NOW };
    const [big, small] = await Promise.all([
      pool.parse({ bytes: own, contentType: "application/rss+xml; charset=utf-8" }, options),
      pool.parse({ bytes: pooled }, options),
    ]);
    expect(big.items.length).toBeGreaterThan(0);
    expect(own.byteLength).toBe(0);
    expect(small.items.map((entry) => entry.title)).toEqual(["Post 1"]);
    expect([neighbour.toString(), pooled.byteLength > 0]).toEqual(["neighbour", true]);
  });

  it("keeps the event loop free (< 200 ms lag) while a 1 MB hostile feed is parsed, and other feeds go on", async () => {
    pool = createParsePool({ size: 2, deadlineMs: 3_000 });
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const hostile = pool.parse(HOSTILE, { feedUrl: "https://evil.example/feed", now: NOW }).then(
      (feed) => ({ ok: true as const, feed }),
      (error: Error) => ({ ok: false as const, error }),
    );
    const normal = await pool.parse(fixture("atom.xml"), {
      feedUrl: "https://example.com/atom",
      now: NOW,
    });
    const outcome = await hostile;
    lag.disable();
    expect(normal.items.length).toBeGreaterThan(0);
    expect(lag.max / 1e6).toBeLessThan(200);
    // Either the parser copes within the deadline, or the deadline names the feed and the reason.
    if (!outcome.ok) expect(outcome.error.message).toMatch(/evil\.example.*longer than 3 s/);
    else expect(outcome.feed.items).toHaveLength(1);
  });

  it("gives up a feed past the deadline, replaces its worker and parses the next one", async () => {
    // A deadline far below what 4,000 long items take to parse, whatever the machine.
    pool = createParsePool({ size: 1, deadlineMs: 50 });
    const huge = rss(
      Array.from({ length: 4000 }, (_, i) => item(i, `&lt;p&gt;${"word ".repeat(200)}&lt;/p&gt;`)),
    );
    await expect(
      pool.parse(huge, { feedUrl: "https://big.example/feed", now: NOW }),
    ).rejects.toMatchObject({
      code: "FEED_PARSE_FAILED",
      message: expect.stringMatching(/big\.example.*longer than/),
    });
    const small = await pool.parse(rss([item(1, "hello")]), {
      feedUrl: "https://ok.example/feed",
      now: NOW,
    });
    expect(small.items.map((entry) => entry.title)).toEqual(["Post 1"]);
  });

  it("sends a worker its next tasks before it answers the first", { timeout: 10_000 }, async () => {
    const workerUrl = new URL("../fixtures/workers/count-tasks.mjs", import.meta.url);
    const busy = createParsePool({ size: 1, workerUrl });
    pool = busy;
    const options = { feedUrl: "https://example.com/feed", now: NOW };
    const answers = await Promise.all([1, 2, 3].map(() => busy.parse("<rss/>", options)));
    // The worker answers once it holds all three: the pool sent them at once, not one at a time.
    expect(answers as unknown[]).toEqual([3, 3, 3]);
  });

  it("gives the tasks waiting behind a feed past the deadline to the next worker", async () => {
    const slow = createParsePool({ size: 1, deadlineMs: 50 });
    pool = slow;
    const huge = rss(
      Array.from({ length: 4000 }, (_, i) => item(i, `&lt;p&gt;${"word ".repeat(200)}&lt;/p&gt;`)),
    );
    const outcomes = await Promise.allSettled([
      slow.parse(huge, { feedUrl: "https://big.example/feed", now: NOW }),
      slow.parse(rss([item(1, "hello")]), { feedUrl: "https://ok.example/feed", now: NOW }),
      slow.parse(rss([item(2, "again")]), { feedUrl: "https://ok.example/feed2", now: NOW }),
    ]);
    expect(outcomes[0]).toMatchObject({
      status: "rejected",
      reason: { code: "FEED_PARSE_FAILED" },
    });
    expect(
      outcomes
        .slice(1)
        .map((outcome) => outcome.status === "fulfilled" && outcome.value.items[0]?.title),
    ).toEqual(["Post 1", "Post 2"]);
    expect(slow.workersStarted()).toBe(2);
  });

  // Sanitizing was quadratic in the nesting: the feed ran past its deadline, and its other
  // items were lost with the one hostile item.
  it("reads a feed whose one item nests 200,000 elements deep, with its other items", async () => {
    pool = createParsePool({ size: 1, deadlineMs: 5_000 });
    const deep = `${"&lt;div&gt;".repeat(200_000)}deep text${"&lt;/div&gt;".repeat(200_000)}`;
    const feed = await pool.parse(rss([item(1, deep), item(2, "hello")]), {
      feedUrl: "https://blog.example/feed",
      now: NOW,
    });
    expect(feed.items.map((entry) => [entry.title, entry.contentText])).toEqual([
      ["Post 1", "deep text"],
      ["Post 2", "hello"],
    ]);
  }, 20_000);

  it("keeps the newest items up to the cap and says how many were left out", async () => {
    pool = createParsePool({ size: 1 });
    const dated = Array.from(
      { length: 5 },
      (_, i) =>
        `<item><title>P${i}</title><link>https://blog.example/${i}</link><pubDate>${new Date(Date.UTC(2026, 10, 10 + i)).toUTCString()}</pubDate></item>`,
    );
    const feed = await pool.parse(rss(dated), {
      feedUrl: "https://blog.example/feed",
      now: NOW,
      maxItems: 2,
    });
    expect(feed.items.map((entry) => entry.title)).toEqual(["P4", "P3"]);
    expect(feed.problems).toContain("3 older items over the cap of 2 per feed were left out");
  });

  it("passes a parse error back with its code", async () => {
    pool = createParsePool({ size: 1 });
    await expect(
      pool.parse("<html><body>hi</body></html>", { feedUrl: "https://x.example/", now: NOW }),
    ).rejects.toMatchObject({
      code: "FEED_PARSE_FAILED",
    });
  });
});
