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

  it("greets by first name, and says nothing of a last issue on issue #1", async () => {
    expect(text).toContain("Hi Reader, here is what's new since the last issue.");
    const first = await renderIssue(
      { ...model, issue: { ...model.issue, number: 1 } },
      { templatesDir: TEMPLATES_DIR, subjectTemplate: SUBJECT },
    );
    const ada = buildRecipient(1, { name: "Ada Lovelace" });
    const filled = first.fill(ada);
    expect(filled.text).toContain(`Hi Ada, welcome to the first issue of ${model.list.name}.`);
    expect(filled.text).not.toContain("since the last issue");
    expect(filled.html).toContain(`Hi Ada, welcome to the first issue of ${model.list.name}.`);
    expect(first.fill(buildRecipient(2, { name: "" })).text).toContain("Hi there, welcome");
  });

  it("says the name once when the list is named as the newsletter is", async () => {
    const name = model.newsletter.name;
    const separate = model.list.name;
    const oneName = await renderIssue(
      { ...model, list: { ...model.list, name, namedAsNewsletter: true } },
      { templatesDir: TEMPLATES_DIR, subjectTemplate: SUBJECT },
    );
    const filled = oneName.fill(recipient);
    expect(filled.text.split("\n")[0]).toBe(name);
    expect(filled.text).toContain(`You receive this because you subscribed to ${name}.\n`);
    expect(filled.html).toContain(`<title>${name} #${model.issue.number}</title>`);
    expect(filled.html).toContain(`You receive this because you subscribed to ${name}.</p>`);
    expect(filled.html.split(`>${name}<`).length - 1).toBe(1);
    // A list with a name of its own keeps both.
    expect(text.split("\n")[0]).toBe(`${name} — ${separate}`);
    expect(text).toContain(`You receive this because you subscribed to ${separate}\nat ${name}.`);
  });
});
