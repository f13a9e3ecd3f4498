import { mkdir, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { type RenderedMessage, renderIssue } from "../../src/render/index.js";
import {
  buildArticle,
  buildIssueModel,
  buildRecipient,
  SUBJECT,
  TEMPLATES_DIR,
} from "./build-issue-model.js";
import { countOf, linksOf, textOf } from "./html-links.js";

const model = buildIssueModel();
const recipient = buildRecipient(7);
let message: RenderedMessage;
let web: { html: string; text: string };

beforeAll(async () => {
  const compiled = await renderIssue(model, {
    templatesDir: TEMPLATES_DIR,
    subjectTemplate: SUBJECT,
  });
  message = compiled.fill(recipient);
  web = compiled.webVersion();
  // For a human to look at: open it in a browser.
  await mkdir("test-artifacts/render", { recursive: true });
  await writeFile("test-artifacts/render/sample.html", message.html);
});

describe("renderIssue", () => {
  it("links every article title and its 'Read original' to the article's URL", () => {
    const links = linksOf(message.html);
    for (const article of model.articles) {
      expect(links).toContainEqual({ href: article.url, text: article.title });
      expect(links).toContainEqual({ href: article.url, text: "Read original →" });
    }
  });

  it("shows each summary, and each why under its own 'Why it matters' label", () => {
    const text = textOf(message.html);
    for (const article of model.articles) {
      expect(text).toContain(article.summary);
      expect(text).toContain(`Why it matters ${article.why}`);
    }
    expect(countOf(message.html, "Why it matters</strong>")).toBe(model.articles.length);
  });

  it("shows source, category, date and read time of each article", () => {
    expect(textOf(message.html)).toContain(
      "Example Engineering Infrastructure · Nov 19, 2026 · 4 min read",
    );
  });

  it("has a header with the newsletter, the list, the issue number and its period", () => {
    expect(textOf(message.html)).toContain(
      "Gazette Demo Weekly Digest Issue #42 · Nov 9 – Nov 22, 2026",
    );
    expect(message.html).toMatch(/<html lang="en"/);
  });

  it("ends with why the reader gets it, the unsubscribe and web links, the postal address", () => {
    const text = textOf(message.html);
    expect(text).toContain(
      "You receive this because you subscribed to Weekly Digest at Gazette Demo.",
    );
    expect(text).toContain(model.newsletter.postalAddress);
    const links = linksOf(message.html);
    expect(links).toContainEqual({ href: recipient.unsubscribeUrl, text: "Unsubscribe" });
    expect(links).toContainEqual({ href: model.issue.webUrl, text: "View in your browser" });
  });

  it("sets a short preheader from the highlights, without tiny or invisible-coloured text", () => {
    const preheader = /<div style="([^"]*)" aria-hidden="true">([^<]*)<\/div>/.exec(message.html);
    // The highlights that fit in 150 characters, then how many more stories.
    expect(preheader?.[2]).toBe(
      "How the team cut p99 latency of job pickup by 10% with batched claims. · How the team cut p99 latency of job pickup by 20% with batched claims. — and 1 more",
    );
    // SpamAssassin scores text whose colour is near its background's, or whose size is tiny.
    expect(preheader?.[1]).not.toMatch(/color|font-size/);
  });

  it("asks for light and dark colour schemes", () => {
    expect(message.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(message.html).toContain("@media (prefers-color-scheme: dark)");
  });

  it("keeps personal data out of the web version", () => {
    expect(web.html).not.toContain(recipient.unsubscribeUrl.replace("&", "&amp;"));
    expect(linksOf(web.html)).toContainEqual({
      href: "https://news.example.org/unsubscribe",
      text: "Unsubscribe",
    });
    expect(textOf(web.html)).toContain("Hi there,");
    expect(web.text).toContain("Unsubscribe: https://news.example.org/unsubscribe\n");
  });

  it("writes a plain-text part a reviewer can read", async () => {
    await expect(message.text).toMatchFileSnapshot("__snapshots__/issue.txt");
  });
});

describe("renderIssue with sparse articles", () => {
  it("leaves out the blocks of fields an article lacks", async () => {
    const sparse = buildArticle(1, { summary: "", why: "", tags: [], publishedAt: undefined });
    const compiled = await renderIssue(buildIssueModel({ articles: [sparse, buildArticle(2)] }), {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: SUBJECT,
    });
    const { html, text } = compiled.fill(recipient);
    expect(countOf(html, "Why it matters</strong>")).toBe(1);
    expect(textOf(html)).toContain("Example Engineering Infrastructure · 4 min read");
    expect(countOf(text, "Why it matters:")).toBe(1);
  });

  it("renders an issue without articles", async () => {
    const compiled = await renderIssue(buildIssueModel({ articles: [] }), {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: "{{newsletter.name}} #{{issue.number}}",
    });
    expect(compiled.subject).toBe("Gazette Demo #42");
    expect(countOf(compiled.fill(recipient).html, "Read original")).toBe(0);
  });
});
