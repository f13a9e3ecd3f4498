import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { countDeliveries, writeWorkspace } from "./write-workspace.js";

const run = (dir: string, env: NodeJS.ProcessEnv = {}) =>
  runCli(["--config", "gazette.yaml", "run"], { cwd: dir, env });

/** Edits one file of the workspace's theme copy: replaces the first `find`. */
function breakTheme(dir: string, file: string, find: string, replace: string): string {
  const target = path.join(dir, "theme", file);
  const source = readFileSync(target, "utf8");
  expect(source).toContain(find);
  writeFileSync(target, source.replace(find, replace));
  return target;
}

function emlCount(dir: string): number {
  const outbox = path.join(dir, "data", "outbox");
  return existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")).length : 0;
}

describe("a send refuses to start, before any delivery row exists", () => {
  it("with a Handlebars error in the theme: names the file and line", async () => {
    const dir = writeWorkspace();
    const file = breakTheme(
      dir,
      "partials/footer.mjml",
      "{{list.name}}",
      "{{#if list}}{{list.name}}",
    );
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`${file}:4: {{#if}} is never closed`);
    expect(emlCount(dir)).toBe(0);
    expect(countDeliveries(dir)).toBe(0);
  });

  it("with an MJML error in a part this issue does not show (the 'more' section)", async () => {
    const dir = writeWorkspace();
    const file = breakTheme(
      dir,
      "partials/more.mjml",
      "<mj-text css",
      "<mj-foo>x</mj-foo>\n<mj-text css",
    );
    const result = await run(dir);
    const output = result.stdout + result.stderr;
    expect(result.code).toBe(1);
    expect(output).toMatch(/<mj-foo>: Element mj-foo doesn't exist/);
    expect(output).toContain(`from ${file}:3;`);
    expect(emlCount(dir)).toBe(0);
    expect(countDeliveries(dir)).toBe(0);
  });

  it("with a postal address left blank by environment interpolation", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the config's ${VAR}, not JavaScript's
    const dir = writeWorkspace({ postalAddress: "${POSTAL_ADDRESS}" });
    const result = await run(dir, { POSTAL_ADDRESS: "   " });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/newsletter\.postalAddress is blank/);
    expect(emlCount(dir)).toBe(0);
    expect(countDeliveries(dir)).toBe(0);
  });

  it("and the same workspace with a sound theme sends to everyone", async () => {
    const dir = writeWorkspace();
    const result = await run(dir);
    expect(result.code).toBe(0);
    expect(emlCount(dir)).toBe(2);
    expect(countDeliveries(dir)).toBe(2);
  });
});
