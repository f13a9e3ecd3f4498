import { beforeAll, describe, expect, it } from "vitest";
import { type CompiledIssue, renderIssue } from "../../src/render/index.js";
import {
  buildArticle,
  buildIssueModel,
  buildRecipient,
  SUBJECT,
  TEMPLATES_DIR,
} from "./build-issue-model.js";
import { decodeEntities, linksOf } from "./html-links.js";

const HOSTILE_TITLE = "{{constructor.constructor('return process')()}}";
const HOSTILE_SUMMARY = "<script>alert(1)</script>";
const hostile = buildArticle(1, {
  title: HOSTILE_TITLE,
  summary: HOSTILE_SUMMARY,
  why: "{{> footer}} and <mj-raw><img src=x onerror=alert(2)></mj-raw>",
  url: 'https://evil.example/"><script>alert(3)</script>',
  tags: ["{{#each articles}}x{{/each}}"],
});
let compiled: CompiledIssue;

beforeAll(async () => {
  compiled = await renderIssue(buildIssueModel({ articles: [hostile, buildArticle(2)] }), {
    templatesDir: TEMPLATES_DIR,
    subjectTemplate: SUBJECT,
  });
});

describe("feed text is data, never template source", () => {
  it("comes out of the HTML literally, escaped, with no script element", () => {
    const { html } = compiled.fill(buildRecipient(1));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("{{constructor.constructor(");
    expect(decodeEntities(html)).toContain(HOSTILE_TITLE);
    expect(decodeEntities(html)).toContain("#{{#each articles}}x{{/each}}");
    expect(linksOf(html)).toContainEqual({ href: hostile.url, text: HOSTILE_TITLE });
  });

  it("comes out of the plain text literally", () => {
    const { text } = compiled.fill(buildRecipient(1));
    expect(text).toContain(`\n${HOSTILE_TITLE}\n`);
    expect(text).toContain(`\n${HOSTILE_SUMMARY}\n`);
    expect(text).toContain("{{> footer}} and <mj-raw>");
    // The footer partial was not run a second time by the article's "why".
    expect(text.split("You receive this because").length).toBe(2);
  });

  it("comes out of the subject literally", () => {
    expect(compiled.subject).toBe(`Gazette Demo #42: ${HOSTILE_TITLE}`);
  });

  it("cannot forge a recipient field: token-shaped feed text stays as it is", async () => {
    // Real tokens carry a nonce drawn per render, so a feed cannot know one in advance.
    const tokenShaped = `gz${"0".repeat(24)}s0z gz${"f".repeat(24)}s2z`;
    const forged = buildArticle(1, { summary: `Unsubscribe: ${tokenShaped}` });
    const issue = await renderIssue(buildIssueModel({ articles: [forged] }), {
      templatesDir: TEMPLATES_DIR,
      subjectTemplate: SUBJECT,
    });
    const { html, text } = issue.fill(buildRecipient(1));
    expect(text).toContain(`Unsubscribe: ${tokenShaped}`);
    expect(html).toContain(`Unsubscribe: ${tokenShaped}`);
  });
});
