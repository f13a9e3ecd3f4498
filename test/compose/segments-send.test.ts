import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

// Two demo feeds, a list filtered and capped, and three readers: one wants everything, one only
// the topic of a single article, one a topic no article has. Each gets the issue of their
// segment; the last gets no email, and the ledger says why.
describe("segments and list filters, through the real send", () => {
  let dir: string;
  let smtp: SmtpSink;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-segments-"));
    mkdirSync(path.join(dir, "data"));
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter:
  name: Segments Test
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Segments <digest@news.example.com>
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/northwind-engineering.xml")}
    name: northwind
    tags: [platform]
  - url: ${path.join(ROOT, "examples/feeds/quarry-data.xml")}
    name: quarry
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
    maxPerSource: 3
    sender:
      from: Weekly Desk <weekly@news.example.com>
`,
    );
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());

  it("caps per feed, sends each segment its articles (none when nothing matches), and uses the list's sender", async () => {
    const cli = (args: string[]) =>
      runCli(["--config", "gazette.yaml", ...args], {
        cwd: dir,
        env: { GAZETTE_TRANSPORT: smtp.url },
      });
    expect((await cli(["collect"])).code).toBe(0);
    expect((await cli(["enrich"])).code).toBe(0);
    const drafted = await cli(["compose"]);
    expect(drafted.stdout).toMatch(/composed issue #1 with 6 articles/);
    await cli(["subscribers", "add", "all@example.com"]);
    await cli(["subscribers", "add", "picky@example.com"]);
    await cli(["subscribers", "add", "elsewhere@example.com"]);

    const store = await openStore(path.join(dir, "data"));
    const issue = await store.issues.latest(1);
    const articles = await store.issues.articles(issue?.id as number);
    const perFeed = new Map<string, number>();
    for (const a of articles) perFeed.set(a.feed_url, (perFeed.get(a.feed_url) ?? 0) + 1);
    expect([...perFeed.values()]).toEqual([3, 3]);
    const target = articles.find(
      (a) => articles.filter((b) => b.category === a.category).length === 1,
    );
    expect(target).toBeDefined();
    const picky = await store.subscribers.byEmail("picky@example.com");
    await store.subscribers.setTopics(
      1,
      picky?.id as number,
      [target?.category as string],
      new Date(),
    );
    const elsewhere = await store.subscribers.byEmail("elsewhere@example.com");
    await store.subscribers.setTopics(1, elsewhere?.id as number, ["Knitting"], new Date());
    await store.close();

    const sent = await cli(["send"]);
    expect(sent.code).toBe(0);
    const messages = await smtp.waitFor(2);
    const byRecipient = new Map(
      await Promise.all(messages.map(async (m) => [m.to[0], await m.parse()] as const)),
    );
    const everything = byRecipient.get("all@example.com");
    const segment = byRecipient.get("picky@example.com");
    for (const article of articles) expect(everything?.text).toContain(article.title);
    expect(segment?.text).toContain(target?.title);
    const others = articles.filter((a) => a.article_id !== target?.article_id);
    for (const article of others) expect(segment?.text).not.toContain(article.title);
    expect(everything?.from?.text).toBe('"Weekly Desk" <weekly@news.example.com>');
    // Topics keep their promise: no article on knitting, no email, and the ledger says why.
    expect(smtp.messages.map((m) => m.to[0])).not.toContain("elsewhere@example.com");
    const deliveries = await cli(["deliveries"]);
    expect(deliveries.stdout).toMatch(/2 sent, 1 skipped/);
    expect(deliveries.stdout).toContain("skipped 1: no article on their topics (knitting)");
  });
});
