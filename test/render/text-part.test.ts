import { beforeAll, describe, expect, it } from "vitest";
import { renderIssue } from "../../src/render/index.js";
import {
  buildArticle,
  buildIssueModel,
  buildRecipient,
  SUBJECT,
  TEMPLATES_DIR,
} from "./build-issue-model.js";

const model = buildIssueModel({
  articles: [
    buildArticle(1, { title: "Rust & Go: <generics> compared", summary: 'Q&A with "both" teams.' }),
    buildArticle(2, { url: "https://blog.example.com/a?x=1&y=2" }),
    buildArticle(3),
  ],
});
const recipient = buildRecipient(5);
let text: string;

beforeAll(async () => {
  const compiled = await renderIssue(model, {
    templatesDir: TEMPLATES_DIR,
    subjectTemplate: SUBJECT,
  });
  text = compiled.fill(recipient).text;
});

describe("the plain-text part", () => {
  it("lists each article's URL on its own line", () => {
    const lines = text.split("\n");
    for (const article of model.articles) expect(lines).toContain(article.url);
  });

  it("has the unsubscribe URL and the web version in its footer", () => {
    const footer = text.slice(text.lastIndexOf("You receive this because"));
    expect(footer).toContain(`Unsubscribe: ${recipient.unsubscribeUrl}\n`);
    expect(footer).toContain(`Web version: ${model.issue.webUrl}\n`);
    expect(footer).toContain(model.newsletter.postalAddress);
  });

  it("is not HTML: no entities, no tags of its own", () => {
    expect(text).toContain("Rust & Go: <generics> compared");
    expect(text).toContain('Q&A with "both" teams.');
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
    expect(text.replace("<generics>", "")).not.toMatch(/<[a-z/]/i);
  });

  it("wraps long paragraphs for plain-text readers", () => {
    const long = text.split("\n").filter((line) => line.length > 78 && !line.includes("://"));
    expect(long).toEqual([]);
  });
});
