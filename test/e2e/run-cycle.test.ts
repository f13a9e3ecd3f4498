import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { ROOT, runCli, withoutCreatedNotice } from "../helpers/cli.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

interface Post {
  slug: string;
  title: string;
  date: string;
  paragraphs: string[];
}

const NOW = Date.now();
const DAY = 24 * 3_600_000;
// Dated relative to now: the CLI runs on the real clock, and the list looks back a week.
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

const POSTS: Post[] = [
  {
    slug: "queue-on-postgres",
    title: "Moving our job queue onto PostgreSQL",
    date: daysAgo(2),
    paragraphs: [
      "Our background jobs ran on a Redis list for six years, and every failover lost a handful of jobs.",
      "We moved the queue into PostgreSQL using SELECT FOR UPDATE SKIP LOCKED, so a job is claimed and completed in the same database that holds the data it changes.",
      "The migration cut lost jobs to zero and reduced our on-call pages for the queue by 80% in the first month.",
      "Thanks to the platform team for reviewing the rollout plan.",
    ],
  },
  {
    slug: "flaky-tests",
    title: "How we quarantined flaky tests without hiding real bugs",
    date: daysAgo(3),
    paragraphs: [
      "Flaky tests were failing one in five of our CI runs and engineers had started to ignore red builds.",
      "We built a quarantine that reruns a failing test in isolation and files a ticket with its owner when it passes on retry.",
      "Within six weeks the share of red builds caused by flakes fell from 21% to 3%, and trust in CI came back.",
    ],
  },
];

const TEMPLATE_TITLE = "Escaping {{constructor.constructor}} and <script>alert(1)</script> safely";

function rss(posts: Post[], base: string): string {
  const items = posts
    .map(
      (post) => `<item>
  <title>${escapeXml(post.title)}</title>
  <link>${base}/posts/${post.slug}?utm_source=rss</link>
  <guid isPermaLink="false">${post.slug}</guid>
  <pubDate>${new Date(post.date).toUTCString()}</pubDate>
  <category>Backend</category>
  <content:encoded><![CDATA[${post.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("\n")}]]></content:encoded>
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Acme Engineering</title><link>${base}/</link><description>Acme</description>
${items}
</channel></rss>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const SUBSCRIBERS = ["ada@example.com", "grace@example.com", "linus@example.com"];

describe("gazette run, end to end", () => {
  let feeds: FeedServer;
  let smtp: SmtpSink;
  let dir: string;
  const env = () => ({ GAZETTE_TRANSPORT: smtp.url });

  beforeAll(async () => {
    feeds = await startFeedServer({
      "/broken-500.xml": { status: 500, body: "oops" },
      "/invalid.xml": {
        body: "<rss version='2.0'><channel><title>Bad</title><item><title>x</item></channel>",
      },
      // Answers nothing, ever: the collect timeout must give up on it.
      "/never.xml": () => {},
    });
    const base = feeds.url("").replace(/\/$/, "");
    feeds.route("/acme.xml", {
      body: rss(POSTS, base),
      headers: { "content-type": "application/rss+xml" },
    });
    smtp = await startSmtpSink();
    dir = mkdtempSync(path.join(tmpdir(), "gazette-e2e-"));
    writeFileSync(
      path.join(dir, "subscribers.csv"),
      `email,name\n${SUBSCRIBERS.map((email) => `${email},${email.split("@")[0]}`).join("\n")}\n`,
    );
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter:
  name: Test Weekly
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street, Testville
sender:
  from: Test Weekly <digest@news.example.com>
  unsubscribeMailto: unsubscribe@news.example.com
# The mailto is advertised only with a mailbox to read it (never contacted by run).
inbox: { host: 127.0.0.1, user: bounces, password: unused }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
collect:
  timeout: 1500ms
  allowPrivate: ["127.0.0.1"]
feeds:
  - url: ${feeds.url("/acme.xml")}
    name: Acme Engineering
  - url: ${feeds.url("/broken-500.xml")}
    name: Broken
  - url: ${feeds.url("/invalid.xml")}
    name: Invalid
  - url: ${feeds.url("/never.xml")}
    name: Never
lists:
  - id: weekly
    name: Test Weekly
`,
    );
  });

  afterAll(async () => {
    await feeds?.close();
    await smtp?.close();
  });

  it("sends every subscriber exactly one issue, and names each feed that failed", async () => {
    const result = await runCli(["--config", "gazette.yaml", "run"], { cwd: dir, env: env() });
    expect(withoutCreatedNotice(result.stderr)).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Feeds: 1 fetched, 0 unchanged, 3 failed · 2 new articles/);
    expect(result.stdout).toMatch(/Broken: HTTP 500/);
    expect(result.stdout).toMatch(/Invalid: .*not a valid RSS or Atom feed/);
    expect(result.stdout).toMatch(/Never: .*within/);
    expect(result.stdout).toMatch(/issue #1 with 2 articles/);
    expect(result.stdout).toMatch(/Messages: 3 sent/);

    const messages = await smtp.waitFor(3);
    expect(messages.flatMap((m) => m.to).sort()).toEqual([...SUBSCRIBERS].sort());

    const store = await openStore(path.join(dir, "data"));
    const enrichments = await store.db
      .selectFrom("enrichments")
      .innerJoin("articles", "articles.id", "enrichments.article_id")
      .select(["articles.title", "summary", "why"])
      .execute();
    await store.close();
    expect(enrichments).toHaveLength(2);

    for (const message of messages) {
      const mail = await message.parse();
      // The default subject names the lead story and how many more.
      expect(mail.subject).toBe(`Test Weekly #1: ${POSTS[0]?.title} + 1 more`);
      expect(headerText(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      const unsubscribe = headerText(mail, "list-unsubscribe");
      const httpsLink = /<(https:\/\/news\.example\.com\/unsubscribe\/[^>]+)>/.exec(
        unsubscribe,
      )?.[1];
      expect(httpsLink).toBeDefined();
      // The mailto names the membership with a signed token (issue 18 #2).
      expect(unsubscribe).toMatch(
        /<mailto:unsubscribe\+u[0-9a-z]+-[0-9a-z]+-[0-9a-f]{16}@news\.example\.com>/,
      );
      expect(String(mail.html)).toContain(`href="${httpsLink}"`);
      expect(mail.text).toContain(httpsLink);
      for (const enrichment of enrichments) {
        expect(mail.text).toContain(enrichment.title);
        expect(normalizeSpace(mail.text ?? "")).toContain(normalizeSpace(enrichment.summary));
        expect(normalizeSpace(mail.text ?? "")).toContain(normalizeSpace(enrichment.why));
        expect(normalizeSpace(htmlText(String(mail.html)))).toContain(
          normalizeSpace(enrichment.summary),
        );
        expect(normalizeSpace(htmlText(String(mail.html)))).toContain(
          normalizeSpace(enrichment.why),
        );
      }
      // Canonical links in the email: tracking parameters gone.
      expect(String(mail.html)).not.toContain("utm_source");
    }
    // Every subscriber has their own unsubscribe link.
    const links = await Promise.all(
      messages.map(async (m) => headerText(await m.parse(), "list-unsubscribe")),
    );
    expect(new Set(links).size).toBe(3);
  });

  it("sends nothing the second time, and says so", async () => {
    const result = await runCli(["--config", "gazette.yaml", "run"], { cwd: dir, env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no issue — 0 new articles since the last issue/);
    expect(result.stdout).toMatch(/nothing sent/);
    expect(smtp.messages).toHaveLength(3);
  });

  it("puts only a newly published article into the next issue, title kept as literal text", async () => {
    const base = feeds.url("").replace(/\/$/, "");
    const fresh: Post = {
      slug: "template-injection",
      title: TEMPLATE_TITLE,
      date: new Date(NOW - 3_600_000).toISOString(),
      paragraphs: [
        "Feed text must never become template source, so we render every title and summary as data.",
        "This change removed a whole class of injection bugs and lets editors paste any title safely.",
      ],
    };
    feeds.route("/acme.xml", {
      body: rss([fresh, ...POSTS], base),
      headers: { "content-type": "application/rss+xml" },
    });
    const result = await runCli(["--config", "gazette.yaml", "run"], { cwd: dir, env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/issue #2 with 1 article$/m);
    const messages = (await smtp.waitFor(6)).slice(3);
    expect(messages).toHaveLength(3);
    const mail = await messages[0]?.parse();
    const html = String(mail?.html);
    expect(mail?.text).toContain(TEMPLATE_TITLE);
    expect(html).toContain("{{constructor.constructor}}");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script/i);
    for (const post of POSTS) expect(mail?.text).not.toContain(post.title);
  });
});

function headerText(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name);
  return line
    ? line.line
        .slice(line.line.indexOf(":") + 1)
        .replace(/\s+/g, " ")
        .trim()
    : "";
}

function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
