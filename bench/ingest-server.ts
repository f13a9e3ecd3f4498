// The feed server of `npm run bench:ingest`, in its own process so that its memory and CPU are
// not counted as the collector's. Serves FEEDS generated feeds of ITEMS items each; every fifth
// feed never changes and answers 304 to a conditional GET, the others gain one new item (and a
// new ETag) each time the parent sends "bump". Prints nothing; over IPC it says "ready" once
// listening, and answers "address" with {port, feeds} and "bump" with {generation}.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const FEEDS = Number(process.env.BENCH_FEEDS ?? 500);
const ITEMS = 20;
let generation = 0;

const WORDS = (
  "latency queue postgres cache shard replica kafka index vacuum rollout incident canary " +
  "throughput budget retry backoff consensus raft lease deadline pipeline compiler profiler"
).split(" ");

// Deterministic, article-like text: ~120 words in three paragraphs.
function paragraphs(feed: number, item: number): string {
  const out: string[] = [];
  for (let p = 0; p < 3; p++) {
    const words = Array.from(
      { length: 40 },
      (_, w) => WORDS[(feed * 7 + item * 13 + p * 5 + w * 3) % WORDS.length],
    );
    out.push(`<p>${words.join(" ")}. We measured it &amp; wrote it down.</p>`);
  }
  return out.join("");
}

function isStatic(feed: number): boolean {
  return feed % 5 === 0;
}

function feedXml(feed: number, base: string): string {
  const newest = isStatic(feed) ? ITEMS : ITEMS + generation;
  const items: string[] = [];
  for (let n = newest; n > newest - ITEMS; n--) {
    const date = new Date(Date.UTC(2026, 10, 1) + n * 3_600_000).toUTCString();
    items.push(
      `<item><title>Post ${n} of feed ${feed}</title><link>${base}/f/${feed}/posts/${n}?utm_source=rss</link><guid isPermaLink="false">f${feed}-p${n}</guid><pubDate>${date}</pubDate><category>Engineering</category><description><![CDATA[${paragraphs(feed, n)}]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${feed}</title><link>${base}/f/${feed}/</link><description>Bench feed</description>${items.join("")}</channel></rss>`;
}

const server = createServer((request, response) => {
  const feed = Number(/^\/f\/(\d+)\.xml$/.exec(request.url ?? "")?.[1] ?? Number.NaN);
  if (!(feed >= 0 && feed < FEEDS)) return void response.writeHead(404).end();
  const etag = isStatic(feed) ? `"f${feed}"` : `"f${feed}-g${generation}"`;
  if (request.headers["if-none-match"] === etag)
    return void response.writeHead(304, { etag }).end();
  const base = `http://${request.headers.host}`;
  response
    .writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag })
    .end(feedXml(feed, base));
});

server.listen(0, "127.0.0.1", () => process.send?.("ready"));
process.on("message", (message) => {
  if (message === "address")
    process.send?.({ port: (server.address() as AddressInfo).port, feeds: FEEDS });
  else {
    if (message === "bump") generation++;
    process.send?.({ generation });
  }
});
process.on("disconnect", () => server.close(() => process.exit(0)));
