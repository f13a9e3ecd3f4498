import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkTheme, loadTemplates, renderIssue } from "../../src/render/index.js";
import { GazetteError } from "../../src/shared/errors.js";
import { buildIssueModel, SUBJECT, TEMPLATES_DIR } from "./build-issue-model.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the theme with one file edited: `replace` the first `find` in `file`. */
async function brokenTheme(file: string, find: string, replace: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gazette-theme-"));
  dirs.push(dir);
  await cp(TEMPLATES_DIR, dir, { recursive: true });
  const source = await readFile(join(dir, file), "utf8");
  expect(source).toContain(find);
  await writeFile(join(dir, file), source.replace(find, replace));
  return dir;
}

async function renderError(templatesDir: string): Promise<GazetteError> {
  const error = await renderIssue(buildIssueModel(), { templatesDir, subjectTemplate: SUBJECT })
    .then(() => undefined)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(GazetteError);
  expect((error as GazetteError).code).toBe("TEMPLATE_INVALID");
  return error as GazetteError;
}

describe("a broken theme is a TEMPLATE_INVALID that names the file and line", () => {
  it.each([
    {
      what: "an unclosed block (named at its opening line)",
      file: "partials/article.mjml",
      find: "{{/if}}\n    {{#if why}}",
      replace: "\n    {{#if why}}",
      expected: /partials\/article\.mjml:9: \{\{#if\}\} is never closed/,
    },
    {
      what: "a block closed by the wrong name",
      file: "partials/footer.mjml",
      find: "{{list.name}}",
      replace: "{{#if list}}{{list.name}}{{/each}}",
      expected: /partials\/footer\.mjml:4: if doesn't match each/,
    },
    {
      what: "an unterminated mustache",
      file: "issue.txt.hbs",
      find: "{{title}}",
      replace: "{{title",
      expected: /issue\.txt\.hbs:30: parse error: unexpected \{\{# in ".*\{\{title\{\{#if url/,
    },
    {
      what: "a missing partial (named, with the file that calls it)",
      file: "issue.mjml",
      find: "{{> article}}",
      replace: "{{> articel}}",
      expected:
        /issue\.mjml:18: partial "articel" not found \(expected .*partials\/articel\.mjml\)/,
    },
  ])("$what", async ({ file, find, replace, expected }) => {
    const dir = await brokenTheme(file, find, replace);
    const error = await renderError(dir);
    expect(error.message).toMatch(expected);
    expect(error.message).toContain(dir);
    // The CLI can catch the same problem without rendering an issue.
    await expect(loadTemplates(dir)).rejects.toThrow(expected);
  });

  it("an unknown MJML tag: names the tag, the rendered line and the template line", async () => {
    const dir = await brokenTheme(
      "partials/footer.mjml",
      "<mj-column>",
      "<mj-column>\n<mj-foo>x</mj-foo>",
    );
    const error = await renderError(dir);
    expect(error.message).toMatch(/line \d+ <mj-foo>: Element mj-foo doesn't exist/);
    expect(error.message).toContain(`from ${join(dir, "partials/footer.mjml")}:3;`);
    expect(error.message).toContain('"<mj-foo>x</mj-foo>"');
  });

  it("an illegal MJML attribute on a line with Handlebars in it", async () => {
    const dir = await brokenTheme(
      "partials/header.mjml",
      '<mj-text css-class="gz-text">',
      '<mj-text css-class="gz-text" paddin="{{issue.number}}px">',
    );
    const error = await renderError(dir);
    expect(error.message).toMatch(/<mj-text>: Attribute paddin is illegal/);
    expect(error.message).toContain(`from ${join(dir, "partials/header.mjml")}:3;`);
  });

  it("a missing text template", async () => {
    const dir = await brokenTheme("issue.mjml", "<mjml", "<mjml");
    await rm(join(dir, "issue.txt.hbs"));
    const error = await renderError(dir);
    expect(error.message).toBe(`${join(dir, "issue.txt.hbs")}: cannot read the template`);
  });
});

describe("checkTheme", () => {
  it("accepts the shipped theme and the default subject", async () => {
    await expect(checkTheme(TEMPLATES_DIR, SUBJECT)).resolves.toBeUndefined();
  });

  it("finds an MJML error without an issue to render", async () => {
    const dir = await brokenTheme(
      "partials/article.mjml",
      "<mj-text css",
      "<mj-foo />\n<mj-text css",
    );
    await expect(checkTheme(dir, SUBJECT)).rejects.toThrow(/<mj-foo>/);
  });
});
