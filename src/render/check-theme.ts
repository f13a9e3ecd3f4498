import { loadTemplates } from "./load-templates.js";
import { RecipientSlots } from "./recipient-slots.js";
import { renderSubject } from "./render-subject.js";
import { renderVariant } from "./render-variant.js";
import type { IssueModel } from "./types.js";

const SAMPLE_ARTICLE = {
  id: 1,
  title: "A sample article",
  url: "https://example.com/posts/sample",
  source: "Example Engineering",
  sourceLogoUrl: "https://example.com/logo.png",
  publishedAt: new Date("2026-11-20T00:00:00Z"),
  category: "Infrastructure",
  readMinutes: 4,
  summary: "One sentence on what the article says.",
  why: "One sentence on why a reader should care.",
  tags: ["sample"],
  summaryUrl: "https://example.com/posts/sample#:~:text=One%20sentence",
  whyUrl: "https://example.com/posts/sample#:~:text=Another%20sentence",
  alsoCoveredBy: [
    { title: "The same story", url: "https://example.org/same", source: "Example Two" },
    { title: "Once more", url: "", source: "Example Three" },
  ],
};

/** Sample data with every optional field set, so that every branch of a theme is exercised. */
const SAMPLE_ISSUE: IssueModel = {
  newsletter: {
    name: "Sample Newsletter",
    baseUrl: "https://example.com",
    language: "en",
    postalAddress: "1 Sample Street, Sample City",
    logoUrl: "https://example.com/newsletter-logo.png",
  },
  list: { id: "sample", name: "Sample List", description: "A list for checking themes." },
  issue: {
    number: 1,
    periodStart: new Date("2026-11-09T00:00:00Z"),
    periodEnd: new Date("2026-11-22T00:00:00Z"),
    webUrl: "https://example.com/archive/sample/1.html",
    intro: "A word from the editor.\n\nA second paragraph.",
  },
  articles: [
    SAMPLE_ARTICLE,
    { ...SAMPLE_ARTICLE, id: 2, publishedAt: undefined, sourceLogoUrl: undefined },
    { ...SAMPLE_ARTICLE, id: 3, category: "Databases", summary: "", why: "", tags: [] },
  ],
  alsoPublished: [
    { title: "A title-only post", url: "https://example.com/posts/t", source: "Example News" },
    { title: "A post from another feed", url: "https://example.org/p", source: "Example Blog" },
    { title: "A post without a safe link", url: "", source: "Example News" },
  ],
};

/**
 * Checks a theme and a subject template without an issue to send: Handlebars parsing and
 * partials, then MJML's strict validation on sample data, in both variants (every article in
 * full; grouped by category with the "and N more articles" section). Throws TEMPLATE_INVALID
 * or HEADER_INVALID naming the file and line.
 */
export async function checkTheme(templatesDir: string, subjectTemplate: string): Promise<void> {
  const theme = await loadTemplates(templatesDir);
  const slots = new RecipientSlots();
  const full = await renderVariant(theme, SAMPLE_ISSUE, slots);
  const grouped = { ...SAMPLE_ISSUE, list: { ...SAMPLE_ISSUE.list, groupByCategory: true } };
  await renderVariant(theme, grouped, slots, 1);
  renderSubject(subjectTemplate, full.view);
}
