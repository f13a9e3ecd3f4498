import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminalText } from "../../src/cli/terminal-text.js";
import type { IssueArticle } from "../../src/compose/ports.js";
import { decodeDirective } from "../../src/compose/text-fragment.js";
import { collectStage } from "../../src/pipeline/collect-stage.js";
import { composeStage } from "../../src/pipeline/compose-stage.js";
import { type Context, openContext } from "../../src/pipeline/context.js";
import { enrichStage } from "../../src/pipeline/enrich-stage.js";
import { type RenderOutput, renderStage } from "../../src/pipeline/render-stage.js";
import { fixedClock } from "../../src/shared/clock.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";

// The real blog snapshots of ../shared/conformance/real-feeds, served from a local server, made
// into one issue of 30 as `gazette run` would: is it an issue a reader would open?
const REAL = path.join(ROOT, "../shared/conformance/real-feeds");
const MANIFEST = JSON.parse(readFileSync(path.join(REAL, "manifest.json"), "utf8")) as {
  files: { file: string; role: string }[];
};
const FEEDS = MANIFEST.files.filter((f) => f.role === "feed").map((f) => f.file);
const MAX = 30;

describe("an issue of the real feeds", () => {
  let server: FeedServer;
  let ctx: Context;
  let rows: IssueArticle[];
  let rendered: RenderOutput;
  let dir: string;

  beforeAll(async () => {
    server = await startFeedServer(
      Object.fromEntries(FEEDS.map((file) => [`/${file}`, { file: path.join(REAL, file) }])),
    );
    dir = mkdtempSync(path.join(tmpdir(), "gazette-real-issue-"));
    const feeds = FEEDS.map((file) => `  - url: ${server.url(`/${file}`)}`).join("\n");
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter: { name: Real Digest, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Real <digest@news.example.com>" }
templates: ${path.join(ROOT, "templates")}
collect: { allowPrivate: [127.0.0.1], fullText: never }
feeds:
${feeds}
lists:
  - id: weekly
    name: Weekly
    lookback: 6000d
    maxArticles: ${MAX}
`,
    );
    // The day after the newest snapshot: every article is within the look-back.
    ctx = await openContext({
      configPath: path.join(dir, "gazette.yaml"),
      env: {},
      cwd: dir,
      clock: fixedClock("2023-03-21T09:00:00Z"),
    });
    await collectStage(ctx);
    await enrichStage(ctx);
    const [list] = ctx.config.lists;
    if (!list) throw new Error("no list");
    const composed = await composeStage(ctx, list);
    if (composed.kind !== "composed") throw new Error(`not composed: ${JSON.stringify(composed)}`);
    rows = await ctx.store.issueDrafts.articles(composed.issue.id);
    rendered = await renderStage(ctx, list, composed.issue);
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  const cards = () => rows.filter((row) => row.kind === "card");

  it("is full, and gives no feed more than its fair share while others have articles", () => {
    const perFeed = new Map<string, number>();
    for (const card of cards()) perFeed.set(card.feed.url, (perFeed.get(card.feed.url) ?? 0) + 1);
    expect(cards()).toHaveLength(MAX);
    // 8 feeds, some with few summarized articles: at least five feeds are in, and a feed past
    // the fair share (⌈30 ÷ feeds with cards⌉) means every other feed is exhausted.
    expect(perFeed.size).toBeGreaterThanOrEqual(5);
    const share = Math.ceil(MAX / perFeed.size);
    const over = [...perFeed].filter(([, n]) => n > share).map(([feed]) => feed);
    const summarized = rows.filter((row) => row.kind !== "repeat");
    for (const feed of perFeed.keys()) {
      if (over.includes(feed)) continue;
      const unused = summarized.filter((row) => row.feed.url === feed && row.kind === "also");
      // A feed below its share that still had cards to give would be unfair.
      expect(unused.filter((row) => (row.summary ?? "") !== "")).toEqual([]);
    }
  });

  it("holds no bare-title card: every card has a summary, title-only items are listed", () => {
    for (const card of cards()) expect(card.summary?.trim() ?? "").not.toBe("");
    const also = rows.filter((row) => row.kind === "also");
    expect(also.length).toBeGreaterThan(0);
    const html = rendered.compiled.webVersion().html;
    const { document } = parseHTML(html);
    const heading = [...document.querySelectorAll("h2")].find(
      (h) => h.textContent === "Also published",
    );
    expect(heading).toBeDefined();
    for (const row of also) expect(html).toContain(row.canonicalUrl.replace(/&/g, "&amp;"));
  });

  it("gazette issue show names every card and every Also published entry, with its feed and link", async () => {
    const show = await runCli(["--config", "gazette.yaml", "issue", "show", "1"], { cwd: dir });
    expect(show.code).toBe(0);
    const feedOf = ({ feed }: IssueArticle) => feed.name ?? feed.title ?? feed.url;
    const lines = show.stdout.split("\n");
    for (const [n, card] of cards().entries())
      expect(lines).toContain(`${n + 1}. [${card.articleId}] ${terminalText(card.title)}`);
    const also = rows.filter((row) => row.kind === "also");
    expect(also.length).toBeGreaterThan(0);
    for (const row of also) {
      expect(lines).toContain(
        `   [${row.articleId}] ${terminalText(row.title)} · ${terminalText(feedOf(row))} · ${row.url}`,
      );
    }
  });

  it("names the feed before a card titled by a bare version (GitHub releases), the stored title unchanged", () => {
    const releases = cards().filter((card) => /^v?\d+\.\d+/.test(card.title));
    expect(releases.length).toBeGreaterThan(0);
    const { document } = parseHTML(rendered.compiled.webVersion().html);
    const titles = [...document.querySelectorAll(".gz-article[id] h2")].map((h) => h.textContent);
    const lines = rendered.compiled.webVersion().text.split("\n");
    for (const card of releases) {
      const shown = `${card.feed.name ?? card.feed.title} ${card.title}`;
      expect(titles).toContain(shown);
      expect(lines).toContain(shown);
      expect(titles).not.toContain(card.title);
      expect(lines).not.toContain(card.title);
    }
  });

  it("opens with the overview in HTML and text, each highlight linking to its card", () => {
    const { html, text } = rendered.compiled.webVersion();
    const { document } = parseHTML(html);
    const overview = document.querySelector(".gz-overview");
    const links = [...(overview?.querySelectorAll("li a") ?? [])];
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links.length).toBeLessThanOrEqual(5);
    for (const link of links) {
      const target = document.getElementById((link.getAttribute("href") ?? "").slice(1));
      expect(target?.classList.contains("gz-article")).toBe(true);
    }
    expect(overview?.textContent).toMatch(/\d+ on [a-z]/);
    expect(text).toMatch(/IN THIS ISSUE\n1\. .+\n/);
    expect(text.indexOf("IN THIS ISSUE")).toBeLessThan(text.indexOf("----"));
  });

  it("links summaries and whys to their passage: every fragment decodes to a sentence of its article", () => {
    const { document } = parseHTML(rendered.compiled.webVersion().html);
    const fragments: string[] = [...document.querySelectorAll("a.gz-cite")].map(
      (a) => a.getAttribute("href") ?? "",
    );
    expect(fragments.length).toBeGreaterThan(MAX / 2);
    for (const href of fragments) {
      const [url, fragment = ""] = href.split("#:~:");
      const article = cards().find((card) => card.canonicalUrl === url);
      expect(article, href).toBeDefined();
      const sources: Record<string, string[]> = article?.sources ?? {};
      const sentences = Object.values(sources)
        .flat()
        .map((sentence) => collapse(sentence).toLowerCase());
      for (const value of fragment.split("&").map((d) => d.replace(/^text=/, ""))) {
        // What a browser highlights is one of the sentences the summary or why came from.
        const passage = findPassage(collapse(article?.contentText ?? ""), decodeDirective(value));
        expect(sentences, `${href} → ${passage}`).toContain(passage);
      }
    }
    // The text part shows the plain article link.
    expect(rendered.compiled.webVersion().text).not.toContain("#:~:text=");
  });
});

/**
 * Where a browser's text-directive search lands (WICG text fragments, simplified to plain text):
 * the first match of start (after prefix, before suffix), up to the first match of end after it.
 */
function findPassage(
  text: string,
  directive: { prefix?: string; start: string; end?: string; suffix?: string },
): string | undefined {
  const lower = text.toLowerCase();
  const [start, end, prefix, suffix] = [
    directive.start,
    directive.end,
    directive.prefix,
    directive.suffix,
  ].map((part) => part?.toLowerCase());
  for (let at = lower.indexOf(start ?? ""); at !== -1; at = lower.indexOf(start ?? "", at + 1)) {
    if (prefix && !lower.slice(0, at).trimEnd().endsWith(prefix)) continue;
    const to = end ? lower.indexOf(end, at + (start ?? "").length) : at + (start ?? "").length;
    if (to === -1) continue;
    const stop = end ? to + end.length : to;
    if (suffix && !lower.slice(stop).trimStart().startsWith(suffix)) continue;
    return lower.slice(at, stop);
  }
  return undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
