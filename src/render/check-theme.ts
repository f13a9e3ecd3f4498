import { renderIssue } from "./render-issue.js";
import type { IssueModel } from "./types.js";

const SAMPLE_ARTICLE = {
  id: 1,
  title: "A sample article",
  url: "https://example.com/posts/sample",
  source: "Example Engineering",
  publishedAt: new Date("2026-11-20T00:00:00Z"),
  category: "Infrastructure",
  readMinutes: 4,
  summary: "One sentence on what the article says.",
  why: "One sentence on why a reader should care.",
  tags: ["sample"],
};

/** Sample data with every optional field set, so that every branch of a theme is exercised. */
const SAMPLE_ISSUE: IssueModel = {
  newsletter: {
    name: "Sample Newsletter",
    baseUrl: "https://example.com",
    language: "en",
    postalAddress: "1 Sample Street, Sample City",
  },
  list: { id: "sample", name: "Sample List", description: "A list for checking themes." },
  issue: {
    number: 1,
    periodStart: new Date("2026-11-09T00:00:00Z"),
    periodEnd: new Date("2026-11-22T00:00:00Z"),
    webUrl: "https://example.com/archive/sample/1.html",
  },
  articles: [SAMPLE_ARTICLE, { ...SAMPLE_ARTICLE, id: 2, publishedAt: undefined }],
};

/**
 * Checks a theme and a subject template without an issue to send: Handlebars parsing and
 * partials, then MJML's strict validation on sample data. Throws TEMPLATE_INVALID or HEADER_INVALID.
 */
export async function checkTheme(templatesDir: string, subjectTemplate: string): Promise<void> {
  const compiled = await renderIssue(SAMPLE_ISSUE, { templatesDir, subjectTemplate });
  compiled.fill({ email: "reader@example.com", unsubscribeUrl: "https://example.com/u/1" });
}
