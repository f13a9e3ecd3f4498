import { describe, expect, it } from "vitest";
import { renderIssue } from "../../src/render/index.js";
import {
  buildArticle,
  buildIssueModel,
  buildRecipient,
  SUBJECT,
  TEMPLATES_DIR,
} from "./build-issue-model.js";
import { linksOf, textOf } from "./html-links.js";

async function render(model = buildIssueModel()) {
  const compiled = await renderIssue(model, {
    templatesDir: TEMPLATES_DIR,
    subjectTemplate: SUBJECT,
  });
  return { compiled, ...compiled.fill(buildRecipient(3)) };
}

/** The headings of the HTML in document order, as `h2: text`. */
function headingsOf(html: string): string[] {
  return [...html.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g)].map(
    (match) => `${match[1]}: ${textOf(match[2] ?? "").trim()}`,
  );
}

/** The `<img>` tags of the HTML as { src, alt }. */
function imagesOf(html: string): { src: string; alt: string | undefined }[] {
  return [...html.matchAll(/<img\b([^>]*)>/g)].map((match) => ({
    src: /\ssrc="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? "",
    alt: /\salt="([^"]*)"/.exec(match[1] ?? "")?.[1],
  }));
}

describe("the theme's optional parts", () => {
  it("shows the newsletter's logo and each source's logo, with alt text", async () => {
    const model = buildIssueModel({
      articles: [
        buildArticle(1, { sourceLogoUrl: "https://cdn.example.com/northwind.png" }),
        buildArticle(2),
      ],
    });
    model.newsletter.logoUrl = "https://news.example.org/logo.png";
    const { html } = await render(model);
    expect(imagesOf(html)).toEqual([
      { src: "https://news.example.org/logo.png", alt: "Gazette Demo logo" },
      { src: "https://cdn.example.com/northwind.png", alt: "Example Engineering logo" },
    ]);
  });

  it("has no images when no logo is configured", async () => {
    expect(imagesOf((await render()).html)).toEqual([]);
  });

  it("puts the editor's intro under the greeting, in paragraphs, in both parts", async () => {
    const model = buildIssueModel();
    model.issue.intro = "Welcome to issue 42.\nThree great posts this week.\n\nEnjoy <b>them</b>!";
    const { html, text } = await render(model);
    expect(html).toContain(
      '<p class="gz-intro" style="margin:12px 0 0;">Welcome to issue 42. Three great posts this week.</p>',
    );
    expect(html).toContain("Enjoy &lt;b&gt;them&lt;/b&gt;!</p>");
    expect(text).toContain(
      "since the last issue.\n\nWelcome to issue 42. Three great posts this week.\n\nEnjoy <b>them</b>!\n",
    );
  });

  it("links the subscriber's preferences page in the footer of both parts", async () => {
    const { html, text } = await render();
    const recipient = buildRecipient(3);
    expect(linksOf(html)).toContainEqual({
      href: recipient.preferencesUrl,
      text: "Manage preferences",
    });
    expect(text).toContain(`Preferences: ${recipient.preferencesUrl}\n`);
  });

  it("uses semantic headings: h1 the newsletter, h2 each article title", async () => {
    const { html } = await render();
    expect(headingsOf(html)).toEqual([
      "h1: Gazette Demo",
      "h2: In this issue",
      "h2: Scaling queue workers, part 1",
      "h2: Scaling queue workers, part 2",
      "h2: Scaling queue workers, part 3",
    ]);
  });

  it("groups by category when the list asks: h2 per category, h3 per article, lead first", async () => {
    const model = buildIssueModel({
      articles: [
        buildArticle(1, { category: "Databases" }),
        buildArticle(2, { category: "AI" }),
        buildArticle(3, { category: "Databases" }),
        buildArticle(4, { category: "" }),
      ],
    });
    model.list.groupByCategory = true;
    const { compiled, html, text } = await render(model);
    expect(headingsOf(html)).toEqual([
      "h1: Gazette Demo",
      "h2: In this issue",
      "h2: Databases",
      "h3: Scaling queue workers, part 1",
      "h3: Scaling queue workers, part 3",
      "h2: AI",
      "h3: Scaling queue workers, part 2",
      "h2: Other",
      "h3: Scaling queue workers, part 4",
    ]);
    expect(compiled.subject).toBe("Gazette Demo #42: Scaling queue workers, part 1");
    const order = ["Databases", "part 1", "part 3", "AI", "part 2", "Other", "part 4"];
    // After the overview, which names the categories too.
    const sections = text.slice(text.indexOf("====="));
    const positions = order.map((needle) => sections.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("groups Also published by feed: each feed's name once, then its titles, in both parts", async () => {
    // As compose hands them over: the feeds in turns.
    const line = (source: string, title: string, url = `https://${source}.example/${title}`) => ({
      source,
      title,
      url,
    });
    const model = buildIssueModel({
      alsoPublished: [
        line("hugo", "v0.96.0"),
        line("lobsters", "A <b> & tag", "https://lobsters.example/s/1?a=1&b=2"),
        line("hugo", "v0.95.0"),
        line("shell", "No link", "javascript:alert(1)"),
        line("lobsters", "Second"),
      ],
    });
    const { html, text } = await render(model);
    const also = html.slice(html.indexOf(">Also published<"));
    const items = [...also.matchAll(/<(h3|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(
      (match) => `${match[1]}: ${textOf(match[2] ?? "").trim()}`,
    );
    expect(items).toEqual([
      "h3: hugo",
      "li: v0.96.0",
      "li: v0.95.0",
      "h3: lobsters",
      "li: A <b> & tag",
      "li: Second",
      "h3: shell",
      "li: No link",
    ]);
    expect(linksOf(also).slice(0, 4)).toEqual([
      { href: "https://hugo.example/v0.96.0", text: "v0.96.0" },
      { href: "https://hugo.example/v0.95.0", text: "v0.95.0" },
      { href: "https://lobsters.example/s/1?a=1&b=2", text: "A <b> & tag" },
      { href: "https://lobsters.example/Second", text: "Second" },
    ]);
    const part = text.slice(text.indexOf("Also published:"), text.indexOf("You receive this"));
    expect(part.split("\n").filter((l) => !/^-{20,}$/.test(l))).toEqual([
      "Also published:",
      "",
      "hugo",
      "- v0.96.0",
      "  https://hugo.example/v0.96.0",
      "- v0.95.0",
      "  https://hugo.example/v0.95.0",
      "",
      "lobsters",
      "- A <b> & tag",
      "  https://lobsters.example/s/1?a=1&b=2",
      "- Second",
      "  https://lobsters.example/Second",
      "",
      "shell",
      "- No link",
      "",
      "",
    ]);
  });

  it("puts the feed's name before a bare version title: card, highlight, subject, text part", async () => {
    const release = buildArticle(1, { title: "v0.96.0", source: "Hugo <Releases>", summary: "" });
    const model = buildIssueModel({ articles: [release, buildArticle(2), buildArticle(3)] });
    const { compiled, html, text } = await render(model);
    expect(compiled.subject).toBe("Gazette Demo #42: Hugo <Releases> v0.96.0");
    expect(headingsOf(html)).toContain("h2: Hugo <Releases> v0.96.0");
    // Escaped as any feed text: the name is data.
    expect(html).toContain("Hugo &lt;Releases&gt; v0.96.0");
    expect(html).not.toContain("<Releases>");
    expect(linksOf(html)).toContainEqual({
      href: "#gz-article-1",
      text: "Hugo <Releases> v0.96.0",
    });
    expect(html).toMatch(/aria-hidden="true">Hugo &lt;Releases&gt; v0\.96\.0 · /);
    const lines = text.split("\n");
    expect(lines).toContain("1. Hugo <Releases> v0.96.0");
    expect(lines.filter((line) => line === "Hugo <Releases> v0.96.0")).toHaveLength(1);
  });
});
