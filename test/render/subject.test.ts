import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { compileMessage } from "../../src/deliver/index.js";
import { renderIssue } from "../../src/render/index.js";
import { isGazetteError } from "../../src/shared/errors.js";
import { buildArticle, buildIssueModel, SUBJECT, TEMPLATES_DIR } from "./build-issue-model.js";

async function subjectOf(subjectTemplate: string, title = "Scaling queue workers") {
  const model = buildIssueModel({ articles: [buildArticle(1, { title })] });
  const compiled = await renderIssue(model, { templatesDir: TEMPLATES_DIR, subjectTemplate });
  return compiled.subject;
}

describe("the subject line", () => {
  it.each([
    {
      template: SUBJECT,
      title: "Scaling queue workers",
      expected: "Gazette Demo #42: Scaling queue workers",
    },
    { template: SUBJECT, title: "Rust & Go <3", expected: "Gazette Demo #42: Rust & Go <3" },
    {
      template: SUBJECT,
      title: "Line one\r\nLine\ttwo  ",
      expected: "Gazette Demo #42: Line one Line two",
    },
    {
      template: "{{list.name}} · {{dateRange issue.periodStart issue.periodEnd}}",
      title: "x",
      expected: "Weekly Digest · Nov 9 – Nov 22, 2026",
    },
    { template: "  {{newsletter.name}}   weekly \n", title: "x", expected: "Gazette Demo weekly" },
  ])("$template with title $title → $expected", async ({ template, title, expected }) => {
    expect(await subjectOf(template, title)).toBe(expected);
  });

  it("rejects a template that writes a line break itself", async () => {
    const error = await subjectOf("{{newsletter.name}}\r\nBcc: victim@example.com").catch(
      (caught: unknown) => caught,
    );
    expect(isGazetteError(error, "HEADER_INVALID")).toBe(true);
  });

  it("reports a broken subject template as TEMPLATE_INVALID", async () => {
    await expect(subjectOf("{{#if issue.lead}}{{issue.lead.title}}")).rejects.toThrow(
      /subject template:1: \{\{#if\}\} is never closed/,
    );
  });
});

describe("the subject line from hostile feed text", () => {
  it("drops control characters from the data it is made of", async () => {
    const subject = await subjectOf(SUBJECT, "A NUL\u0000 and an \u001b[31mESC\u009b");
    expect(subject).toBe("Gazette Demo #42: A NUL and an [31mESC");
  });

  it("is cut at a word, with an ellipsis, at 150 characters", async () => {
    const subject = await subjectOf(SUBJECT, `${"word ".repeat(2000)}end`);
    expect(Array.from(subject).length).toBeLessThanOrEqual(150);
    expect(subject).toMatch(/^Gazette Demo #42: word word .* word…$/);
  });

  it("is cut between characters, never inside one", async () => {
    const subject = await subjectOf(SUBJECT, "😀".repeat(400));
    expect(subject.endsWith("…")).toBe(true);
    expect(subject).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(Array.from(subject)).toHaveLength(150);
  });
});

describe("the longest subject in a message", () => {
  it("is folded within RFC 5322's line limit, and reads back whole", async () => {
    const subject = await subjectOf(SUBJECT, `Ünïcödé ${"überlange Zeile ".repeat(40)}`);
    const template = await compileMessage(
      {
        from: "Gazette <news@gazette.example>",
        subject,
        listIdHeader: "Weekly <weekly.gazette.example>",
      },
      () => ({ subject, html: "<p>Hi</p>", text: "Hi" }),
    );
    const raw = await template.build({
      recipient: {
        email: "ada@example.org",
        unsubscribeUrl: "https://gazette.example/unsubscribe/t",
        preferencesUrl: "https://gazette.example/preferences/t",
      },
      messageId: "<m1@gazette.example>",
      subscriberRef: "ref",
      date: new Date("2026-12-01T08:00:00Z"),
    });
    const head = raw.toString("latin1").split("\r\n\r\n")[0] ?? "";
    for (const line of head.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
    expect((await simpleParser(raw)).subject).toBe(subject);
  });
});
