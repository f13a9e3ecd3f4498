import { describe, expect, it } from "vitest";
import { renderIssue } from "../../src/render/index.js";
import {
  buildArticle,
  buildIssueModel,
  buildRecipient,
  SUBJECT,
} from "../render/build-issue-model.js";
import { decodeEntities, linksOf } from "../render/html-links.js";
import { buildDigest } from "./build-digest.js";

// Policy: every href in the HTML is an absolute http(s) URL, or "#id" to an element of the same
// email (the overview's links to its cards). There is no mailto: link in the body; the
// unsubscribe mailto lives only in the List-Unsubscribe header.
const ABSOLUTE_HTTP = /^https?:\/\/[^\s/]+/;

/** Every URL-bearing attribute of the HTML, decoded. */
function urlAttributes(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|background|action|formaction)\s*=\s*"([^"]*)"/gi)].map(
    (match) => decodeEntities(match[1] ?? ""),
  );
}

describe("links in the email", () => {
  it("are all absolute http(s) URLs or anchors in the email, in a grouped issue trimmed to a budget", async () => {
    const model = buildDigest(30);
    model.list.groupByCategory = true;
    model.issue.intro = "A short word from the editor.";
    const compiled = await renderIssue(model, {
      templatesDir: "templates",
      subjectTemplate: SUBJECT,
      maxHtmlBytes: 40_000,
    });
    expect(compiled.size.trimmed).toBeGreaterThan(0);
    for (const html of [compiled.fill(buildRecipient(1)).html, compiled.webVersion().html]) {
      const urls = urlAttributes(html);
      expect(urls.length).toBeGreaterThan(30);
      const anchors = urls.filter((url) => url.startsWith("#"));
      expect(anchors.length).toBeGreaterThanOrEqual(3);
      for (const anchor of anchors) expect(html).toContain(`id="${anchor.slice(1)}"`);
      expect(urls.filter((url) => !ABSOLUTE_HTTP.test(url) && !url.startsWith("#"))).toEqual([]);
      expect(html).not.toMatch(/javascript:/i);
    }
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/protocol-relative",
    "https://",
  ])("an article URL %j never becomes a link or a listed URL", async (url) => {
    const hostile = buildArticle(1, { title: "Hostile link", url, sourceLogoUrl: url });
    const model = buildIssueModel({ articles: [hostile, buildArticle(2)] });
    model.newsletter.logoUrl = url;
    const compiled = await renderIssue(model, {
      templatesDir: "templates",
      subjectTemplate: SUBJECT,
      maxHtmlBytes: 40_000,
    });
    const { html, text } = compiled.fill(buildRecipient(1));
    expect(urlAttributes(html).filter((found) => !ABSOLUTE_HTTP.test(found))).toEqual([]);
    expect(linksOf(html).filter((link) => link.text === "Hostile link")).toEqual([]);
    // The title still shows, as text.
    expect(html).toContain("Hostile link</h2>");
    expect(text.split("\n").map((line) => line.trim())).not.toContain(url.trim());
    expect(text).toContain("\nHostile link\n");
  });

  it("an issue trimmed to its budget lists the cut articles without unsafe links", async () => {
    const model = buildDigest(30);
    model.articles[29] = {
      ...(model.articles[29] as (typeof model.articles)[number]),
      url: "javascript:alert(2)",
    };
    const compiled = await renderIssue(model, {
      templatesDir: "templates",
      subjectTemplate: SUBJECT,
      maxHtmlBytes: 40_000,
    });
    const { html, text } = compiled.fill(buildRecipient(1));
    expect(compiled.size.trimmed).toBeGreaterThan(0);
    expect(html).not.toMatch(/javascript:/i);
    expect(text).not.toMatch(/javascript:/i);
  });
});
