import { describe, expect, it } from "vitest";
import { preferencesUrl, unsubscribeUrl } from "../../src/audience/links.js";
import { DEFAULT_MAX_HTML_BYTES, renderIssue } from "../../src/render/index.js";
import { isGazetteError } from "../../src/shared/errors.js";
import { SUBJECT, TEMPLATES_DIR } from "../render/build-issue-model.js";
import { countOf, linksOf, textOf } from "../render/html-links.js";
import { buildDigest } from "./build-digest.js";

const key = { id: "k1", secret: "s".repeat(43) };
/** A real subscriber with long fields: the signed links of a large list, a long name and address. */
const longReader = {
  email: `${"firstname.lastname".repeat(3)}@${"mail.example-company".repeat(4)}.com`,
  name: "Maximiliane Alexandra Kowalczyk-Vanderbilt & Family",
  unsubscribeUrl: unsubscribeUrl("https://news.example.org", key, 4_000_000, 987_654_321),
  preferencesUrl: preferencesUrl("https://news.example.org", key, 4_000_000, 987_654_321),
};
const bytes = (text: string) => Buffer.byteLength(text);

describe("the HTML size budget (Gmail clips past 102 KB)", () => {
  it("keeps a 30-article issue under the default 90 KiB with long per-recipient fields", async () => {
    const compiled = await renderIssue(buildDigest(30), {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: SUBJECT,
    });
    const { html } = compiled.fill(longReader);
    expect(bytes(html)).toBeLessThanOrEqual(DEFAULT_MAX_HTML_BYTES);
    expect(compiled.size.htmlBytes).toBeGreaterThanOrEqual(bytes(html));
    expect(compiled.size.shown + compiled.size.trimmed).toBe(30);
  });

  it("cuts the tail of a long issue into 'and N more articles' linking the web version", async () => {
    const model = buildDigest(60);
    const compiled = await renderIssue(model, {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: SUBJECT,
    });
    const { size } = compiled;
    const { html, text } = compiled.fill(longReader);
    expect(size.trimmed).toBeGreaterThan(0);
    expect(size.shown + size.trimmed).toBe(60);
    expect(bytes(html)).toBeLessThanOrEqual(size.maxHtmlBytes);
    // As many articles as fit: one more in full would not have.
    const perArticle = size.htmlBytes / size.shown;
    expect(size.htmlBytes + perArticle).toBeGreaterThan(size.maxHtmlBytes * 0.97);

    expect(countOf(html, "Read original →")).toBe(size.shown);
    expect(textOf(html)).toContain(`And ${size.trimmed} more articles`);
    expect(linksOf(html)).toContainEqual({
      href: model.issue.webUrl,
      text: "Read every article in the web version →",
    });
    // The cut articles are listed by title, up to 20; the web version has every one.
    const cut = model.articles.slice(size.shown);
    const links = linksOf(html);
    for (const article of cut.slice(0, 20)) {
      expect(links).toContainEqual({ href: article.url, text: article.title });
    }
    if (cut.length > 20) expect(textOf(html)).toContain(`…and ${cut.length - 20} more.`);
    expect(text).toContain(`And ${size.trimmed} more articles:`);
    expect(text).toContain(`Every article in full: ${model.issue.webUrl}`);

    // The web version is not an email: every article in full.
    const web = compiled.webVersion().html;
    expect(countOf(web, "Read original →")).toBe(60);
    expect(web).not.toContain("more articles</h2>");
  });

  it("takes a smaller budget per list", async () => {
    const compiled = await renderIssue(buildDigest(20), {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: SUBJECT,
      maxHtmlBytes: 30_000,
    });
    expect(compiled.size).toMatchObject({ maxHtmlBytes: 30_000, shown: expect.any(Number) });
    expect(compiled.size.shown).toBeLessThan(20);
    expect(bytes(compiled.fill(longReader).html)).toBeLessThanOrEqual(30_000);
  });

  it("refuses a budget the theme alone exceeds instead of sending a clipped email", async () => {
    const error = await renderIssue(buildDigest(5), {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: SUBJECT,
      maxHtmlBytes: 4_000,
    }).catch((caught: unknown) => caught);
    expect(isGazetteError(error, "TEMPLATE_INVALID")).toBe(true);
    expect((error as Error).message).toMatch(
      /with no article shown in full, over its budget of 4000/,
    );
  });
});
