import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_THEME_DIR,
  escapeEnvReferences,
  loadConfig,
  parseConfigText,
} from "../../src/config/index.js";
import { GazetteError } from "../../src/shared/errors.js";
import { runCli } from "../helpers/cli.js";

const VALID = `newsletter:
  name: Test Weekly
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Test <digest@example.com>
feeds:
  - url: https://blog.example.com/feed.xml
    name: Example Blog
lists:
  - id: weekly
    name: Weekly
    schedule:
      cron: "0 9 * * MON"
      timezone: Europe/Berlin
`;

function problemOf(text: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfigText(text, "gazette.yaml", env);
  } catch (error) {
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).code).toBe("CONFIG_INVALID");
    return (error as Error).message;
  }
  throw new Error("expected a config error");
}

describe("config", () => {
  it("fills defaults into a minimal valid file", () => {
    const config = parseConfigText(VALID, "gazette.yaml", {});
    expect(config.transport).toEqual({ type: "outbox" });
    expect(config.lists[0]?.maxArticles).toBe(20);
    expect(config.lists[0]?.lookback).toBe("7d");
    expect(config.feeds[0]?.tags).toEqual([]);
  });

  it("a schedule that sets only its time zone fires at the documented cron, 0 9 * * MON", () => {
    const config = parseConfigText(
      VALID.replace('      cron: "0 9 * * MON"\n', ""),
      "gazette.yaml",
      {},
    );
    expect(config.lists[0]?.schedule).toEqual({
      cron: "0 9 * * MON",
      timezone: "Europe/Berlin",
      missWindow: "6h",
    });
  });

  it.each([
    [
      "an unknown key, with its line",
      VALID.replace("  postalAddress", "  postalAdress: x\n  postalAddress"),
      /gazette\.yaml:4 newsletter\.postalAdress: unknown key/,
    ],
    [
      "a missing required key",
      VALID.replace("  name: Test Weekly\n", ""),
      /newsletter\.name: is required/,
    ],
    [
      "a bad cron expression, with its line",
      VALID.replace('"0 9 * * MON"', '"0 9 * * FUNDAY"'),
      /gazette\.yaml:14 lists\[0\]\.schedule\.cron: "0 9 \* \* FUNDAY" is not a cron expression the scheduler can run/,
    ],
    // Issue 14: another parser took it, the scheduler's could not. Said in cron-parser's words
    // ("Validation error, cannot resolve alias "day""), it named no field and showed no form.
    [
      "a day name the scheduler cannot read, with its line, field and an example",
      VALID.replace('"0 9 * * MON"', '"0 8 * * MONDAY"'),
      /^ {2}gazette\.yaml:14 lists\[0\]\.schedule\.cron: "0 8 \* \* MONDAY" is not a cron expression the scheduler can run: the day-of-week field "MONDAY" is not a day \(0–7, or MON … SUN\); write e\.g\. "0 8 \* \* MON" \(minute hour day-of-month month day-of-week\)$/m,
    ],
    [
      "a value out of its field's range, naming the field",
      VALID.replace('"0 9 * * MON"', '"0 8,25 * * MON"'),
      /schedule\.cron: "0 8,25 \* \* MON" is not a cron expression the scheduler can run: the hour field "8,25" has 25, outside 0–23;/,
    ],
    [
      "a character no field takes, naming the field",
      VALID.replace('"0 9 * * MON"', '"0 8 * * %"'),
      /schedule\.cron: "0 8 \* \* %" is not a cron expression the scheduler can run: the day-of-week field "%" has a character no cron field takes/,
    ],
    [
      "a month name the scheduler cannot read, naming the field",
      VALID.replace('"0 9 * * MON"', '"0 8 1 JANUARY *"'),
      /the month field "JANUARY" is not a month \(1–12, or JAN … DEC\)/,
    ],
    [
      "too few fields, saying how many it has",
      VALID.replace('"0 9 * * MON"', '"0 8 * *"'),
      /schedule\.cron: "0 8 \* \*" is not a cron expression the scheduler can run: it has 4 fields, not five \(or six, with seconds first\); write e\.g\. "0 8 \* \* MON"/,
    ],
    [
      // It said zod's "Invalid input: expected object, received string".
      "a cron written as the schedule itself, saying where it goes",
      VALID.replace(/ {4}schedule:\n.*\n.*\n/, '    schedule: "0 8 * * MON"\n'),
      /gazette\.yaml:13 lists\[0\]\.schedule: must be a mapping with a cron key: schedule: \{ cron: "0 8 \* \* MON", timezone: UTC \}$/m,
    ],
    [
      "an expression that never fires, saying why",
      VALID.replace('"0 9 * * MON"', '"0 8 31 2 *"'),
      /gazette\.yaml:14 lists\[0\]\.schedule\.cron: "0 8 31 2 \*" is not a cron expression the scheduler can run: it never fires \(no day 31 in February\)/,
    ],
    // A union's mistake said zod's bare "Invalid input" (or "Invalid discriminator value").
    [
      "a sender that is neither an address nor { name, address }, saying what it must be",
      VALID.replace("  from: Test <digest@example.com>", "  from: 42"),
      /gazette\.yaml:6 sender\.from: must be an address \("news@example\.com" or "Name <news@example\.com>"\) or a mapping \{ name, address \}$/m,
    ],
    [
      "a list's feeds of no known form, saying the forms",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    feeds: { tag: [go] }\n"),
      /gazette\.yaml:13 lists\[0\]\.feeds: must be "all", a list of feed names or URLs, or a mapping \{ tags: \[a tag, …\] \}$/m,
    ],
    [
      "a list's empty feeds",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    feeds: []\n"),
      /gazette\.yaml:13 lists\[0\]\.feeds: must name at least one feed \(or be all\)$/m,
    ],
    [
      "an unknown transport type, naming the types",
      `${VALID}transport:\n  type: smtpp\n`,
      /gazette\.yaml:17 transport\.type: must be "outbox", "smtp", "ses", "postmark" or "resend"$/m,
    ],
    [
      "a transport written as its type, saying where it goes",
      `${VALID}transport: smtp\n`,
      /gazette\.yaml:16 transport: must be a mapping with a type key \("outbox", .* or "resend"\): transport: \{ type: smtp, … \}$/m,
    ],
    // Said as the other keys' problems are ("must be …"): it read "lookback: a duration such as…".
    [
      "a list's duration that is none, saying what it must be",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    lookback: 7days\n"),
      /gazette\.yaml:13 lists\[0\]\.lookback: must be a duration such as "30s", "15m", "2h" or "7d"$/m,
    ],
    [
      "a model's timeout that is no duration, saying what it must be",
      `${VALID}summarizer:\n  provider: openai\n  model: gpt-4o-mini\n  timeout: 1 minute\n`,
      /gazette\.yaml:19 summarizer\.timeout: must be a duration such as "30s"/,
    ],
    [
      "a list slug in capitals, saying what it must be",
      VALID.replace("id: weekly", "id: Weekly"),
      /gazette\.yaml:11 lists\[0\]\.id: must be lowercase letters, digits and dashes$/m,
    ],
    [
      "a bad time zone",
      VALID.replace("Europe/Berlin", "Mars/Olympus"),
      /lists\[0\]\.schedule\.timezone: is not an IANA time zone/,
    ],
    // A key of another provider or transport type read as a typo ("unknown key").
    [
      "a model provider's key under the built-in summarizer, saying which providers have it",
      `${VALID}summarizer:\n  maxConcurrency: 4\n`,
      /gazette\.yaml:17 summarizer\.maxConcurrency: is not a key of summarizer provider "extractive" \(the default\); only provider "openai" or "anthropic" has it/,
    ],
    [
      "another transport's key, saying which types have it",
      `${VALID}transport:\n  type: outbox\n  url: smtp://mail.example.com\n`,
      /gazette\.yaml:18 transport\.url: is not a key of transport type "outbox"; only type "smtp" has it/,
    ],
    ["malformed YAML", `${VALID}\n  - : : bad\n\tx`, /gazette\.yaml(:\d+)?: /],
    // It said the JavaScript engine's "Maximum call stack size exceeded".
    [
      "lists nested thousands deep",
      `${VALID}x: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
      /gazette\.yaml:\d+: nested too deeply to read \(a config nests a few levels of keys and lists\)$/m,
    ],
    // The rules that span keys gave the file without a line.
    [
      "a list naming an unknown feed, with its line",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    feeds: [Nope]\n"),
      /gazette\.yaml:13 lists\[0\]\.feeds\[0\]: "Nope" names no feed/,
    ],
    [
      "a tag no feed has, with its line",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    feeds:\n      tags: [nope]\n"),
      /gazette\.yaml:14 lists\[0\]\.feeds\.tags\[0\]: no feed has tag "nope"/,
    ],
    [
      "an http baseUrl, with its line",
      VALID.replace("https://news", "http://news"),
      /gazette\.yaml:3 newsletter\.baseUrl: must be https/,
    ],
    [
      "minArticles over maxArticles, with its line",
      VALID.replace(
        "    name: Weekly\n",
        "    name: Weekly\n    minArticles: 9\n    maxArticles: 2\n",
      ),
      /gazette\.yaml:13 lists\[0\]\.minArticles: is larger than maxArticles/,
    ],
    // A key of the wrong kind said zod's "Invalid input: expected number, received string".
    [
      "a word where a number goes, quoting it",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    maxArticles: lots\n"),
      /gazette\.yaml:13 lists\[0\]\.maxArticles: must be a number, not "lots"$/m,
    ],
    [
      "a fraction where a whole number goes",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    maxArticles: 2.5\n"),
      /gazette\.yaml:13 lists\[0\]\.maxArticles: must be a whole number, not 2\.5$/m,
    ],
    [
      "a number in a list of words",
      `${VALID}topics:\n  - 5\n`,
      /gazette\.yaml:\d+ topics\[0\]: must be a string, not 5$/m,
    ],
    [
      "a duration without its unit, saying what a duration is",
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    lookback: 7\n"),
      /gazette\.yaml:13 lists\[0\]\.lookback: must be a duration such as "30s", "15m", "2h" or "7d"$/m,
    ],
    [
      "a long value, clipped",
      VALID.replace("    name: Weekly\n", `    name: Weekly\n    maxArticles: ${"x".repeat(50)}\n`),
      new RegExp(`lists\\[0\\]\\.maxArticles: must be a number, not "${"x".repeat(40)}…"$`, "m"),
    ],
    [
      "a value with a control character, escaped",
      VALID.replace("    name: Weekly\n", '    name: Weekly\n    maxArticles: "a\\u001b[2Jb"\n'),
      /lists\[0\]\.maxArticles: must be a number, not "a\\u001b\[2Jb"$/m,
    ],
  ])("reports %s", (_name, text, pattern) => {
    expect(problemOf(text)).toMatch(pattern);
  });

  // A typo got "unknown key" alone, however close it was to a key of its place.
  const inList = (lines: string) =>
    VALID.replace("    name: Weekly\n", `    name: Weekly\n${lines}`);
  it.each([
    [
      "a list's key one letter off",
      inList("    shedule: {}\n"),
      "lists[0].shedule: unknown key; did you mean `schedule`?",
    ],
    [
      "a list's key without its plural",
      inList("    maxArticle: 3\n"),
      "lists[0].maxArticle: unknown key; did you mean `maxArticles`?",
    ],
    [
      "a key in another case",
      VALID.replace("timezone:", "timeZone:"),
      "lists[0].schedule.timeZone: unknown key; did you mean `timezone`?",
    ],
    [
      "a key of the variant the section chose",
      `${VALID}transport:\n  type: smtp\n  url: smtp://mail.example.com\n  secur: true\n`,
      "transport.secur: unknown key; did you mean `secure`?",
    ],
    [
      "two letters swapped",
      `${VALID}summarizer:\n  provider: openai\n  model: m\n  timeuot: 9s\n`,
      "summarizer.timeuot: unknown key; did you mean `timeout`?",
    ],
    [
      "a key of another place",
      inList("    fullText: never\n"),
      "lists[0].fullText: is not a key here; `fullText` is a key of collect or feeds[]",
    ],
    [
      "a top-level key inside a list",
      inList("    topics: [a]\n"),
      "lists[0].topics: is not a key here; `topics` is a key of the top level",
    ],
    [
      "nothing close",
      inList("    colour: blue\n"),
      'lists[0].colour: unknown key (check its spelling; see README "Configuration")',
    ],
  ])("suggests for %s what it may have meant", (_name, text, said) => {
    // Said once, on the key's own line.
    const lines = problemOf(text).split("\n");
    expect(lines.filter((line) => line.endsWith(` ${said}`))).toEqual([
      expect.stringMatching(/^ {2}gazette\.yaml:\d+ /),
    ]);
  });

  // Two unknown keys of one object were one zod issue, counted once: "1 problem", two lines.
  it("counts each unknown key as a problem", () => {
    const message = problemOf(
      VALID.replace("    name: Weekly\n", "    name: Weekly\n    colour: blue\n    size: 3\n"),
    );
    expect(message.split("\n")[0]).toBe("gazette.yaml: 2 problems:");
    expect(message.split("\n")).toHaveLength(3);
  });

  it("names the line of a YAML syntax error", () => {
    expect(problemOf("feeds: [\n")).toBe(
      "gazette.yaml: 1 problem:\n  gazette.yaml:2: Flow sequence in block collection must be sufficiently indented and end with a ]",
    );
    const duplicate = `${VALID}newsletter: twice\n`;
    const line = duplicate.split("\n").length - 1;
    expect(problemOf(duplicate)).toContain(`gazette.yaml:${line}: Map keys must be unique`);
    expect(problemOf('a: "x\n')).toContain('gazette.yaml:2: Missing closing "quote');
  });

  it("refuses a file of nested aliases (a billion laughs) as a config problem naming the file", () => {
    let text = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 10; i++)
      text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(", ")}]\n`;
    expect(problemOf(text)).toMatch(
      /^gazette\.yaml: 1 problem:\n {2}gazette\.yaml: Excessive alias count/,
    );
  });

  it("reports every problem at once", () => {
    const text = VALID.replace("  name: Test Weekly\n", "")
      .replace('"0 9 * * MON"', '"nope"')
      .replace("sender:", "sendr: 1\nsender:");
    const message = problemOf(text);
    expect(message).toMatch(/3 problems/);
    expect(message).toMatch(/newsletter\.name/);
    expect(message).toMatch(/sendr/);
    expect(message).toMatch(/schedule\.cron/);
  });

  it("interpolates ${VAR} and ${VAR:-default}, and names an unset variable", () => {
    const text = VALID.replace("Test <digest@example.com>", "${SENDER}").replace(
      "1 Test Street",
      "${ADDR:-2 Default Road}",
    );
    const config = parseConfigText(text, "gazette.yaml", { SENDER: "Env <env@example.com>" });
    expect(config.sender.from).toBe("Env <env@example.com>");
    expect(config.newsletter.postalAddress).toBe("2 Default Road");
    expect(problemOf(text, {})).toMatch(/sender\.from: environment variable SENDER is not set/);
  });

  // The empty value an unset variable leaves was reported too ("Invalid URL"), as a second
  // problem of the same key.
  it("says an unset variable once, naming the key and how to set it", () => {
    const message = problemOf(VALID.replace("https://news.example.com", "${BASE_URL}"));
    expect(message).toBe(
      "gazette.yaml: 1 problem:\n  gazette.yaml:3 newsletter.baseUrl: environment variable BASE_URL is not set; set it (export BASE_URL=…) or give a default in the file: ${BASE_URL:-…}",
    );
  });

  it("reads $${ as a literal ${, which escapeEnvReferences writes for any text", () => {
    const text = VALID.replace(
      "name: Example Blog",
      () => 'name: "Costs $$5 and $${GAZETTE_SECRET:-}"',
    );
    const config = parseConfigText(text, "gazette.yaml", { GAZETTE_SECRET: "s3cret" });
    expect(config.feeds[0]?.name).toBe("Costs $$5 and ${GAZETTE_SECRET:-}");
    for (const literal of ["${HOME}", "$${HOME}", "$$${X:-y}", "a $ b ${", "${A}${B}"]) {
      const quoted = JSON.stringify(escapeEnvReferences(literal));
      const env = { HOME: "/root", A: "a", B: "b", X: "x" };
      const parsed = parseConfigText(
        VALID.replace("Example Blog", () => quoted),
        "x.yaml",
        env,
      );
      expect(parsed.feeds[0]?.name).toBe(literal);
    }
  });

  it("reads theme folders from the config's folder, or the shipped theme when none is set or beside it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    writeFileSync(path.join(dir, "g.yaml"), VALID);
    const shipped = loadConfig({ path: "g.yaml", cwd: dir, env: {} });
    expect(shipped.templatesDir).toBe(BUILT_IN_THEME_DIR);
    expect(existsSync(path.join(shipped.templatesDir, "issue.mjml"))).toBe(true);

    // Set, theme paths are absolute: the welcome email read the list's folder from the cwd.
    writeFileSync(
      path.join(dir, "t.yaml"),
      `${VALID}    template: themes/weekly\ntemplates: themes/main\n`,
    );
    const set = loadConfig({ path: path.join(dir, "t.yaml"), cwd: tmpdir(), env: {} });
    expect(set.templatesDir).toBe(path.join(dir, "themes/main"));
    expect(set.config.templates).toBe(path.join(dir, "themes/main"));
    expect(set.config.lists[0]?.template).toBe(path.join(dir, "themes/weekly"));
  });

  it("lets GAZETTE_DATA_DIR and GAZETTE_TRANSPORT override the file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    writeFileSync(path.join(dir, "g.yaml"), VALID);
    const loaded = loadConfig({
      path: "g.yaml",
      cwd: dir,
      env: {
        GAZETTE_DATA_DIR: "/srv/gazette",
        GAZETTE_TRANSPORT: "smtp://u:p@mail.example.com:587",
      },
    });
    expect(loaded.dataDir).toBe("/srv/gazette");
    expect(loaded.config.transport).toMatchObject({
      type: "smtp",
      url: "smtp://u:p@mail.example.com:587",
      pool: true,
    });
    expect(() =>
      loadConfig({ path: "g.yaml", cwd: dir, env: { GAZETTE_TRANSPORT: "ftp://x" } }),
    ).toThrow(/GAZETTE_TRANSPORT/);
  });

  it.each([
    ["a misspelt scheme", "smpt://user:S3cret@mail.example.com:587", /it starts with "smpt:"/],
    ["a missing colon", "smtp//user:S3cret@mail.example.com:587", /neither "outbox"/],
    [
      "a host that does not parse",
      "smtp://user:S3cret@[mail.example.com",
      /it starts with "smtp:"/,
    ],
  ])("never prints GAZETTE_TRANSPORT's password when it has %s", (_name, value, said) => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    writeFileSync(path.join(dir, "g.yaml"), VALID);
    const load = () => loadConfig({ path: "g.yaml", cwd: dir, env: { GAZETTE_TRANSPORT: value } });
    expect(load).toThrow(said);
    expect(load).not.toThrow(/S3cret/);
  });

  // nodemailer read "smpt://user:pass@host" as an SMTP URL and tried to connect: the mistake
  // showed only as failed deliveries, at the first send.
  it("refuses a transport.url that is no smtp:// URL at load, without printing it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    const url = "smpt://user:S3cret@mail.example.com:587";
    writeFileSync(path.join(dir, "g.yaml"), `${VALID}transport:\n  type: smtp\n  url: "${url}"\n`);
    const load = () => loadConfig({ path: "g.yaml", cwd: dir, env: {} });
    expect(load).toThrow(/transport\.url: is not an smtp:\/\/ or smtps:\/\/ URL/);
    expect(load).not.toThrow(/S3cret/);
    const broken = "smtp://user:S3cret@[mail.example.com:587";
    writeFileSync(
      path.join(dir, "g.yaml"),
      `${VALID}transport:\n  type: smtp\n  url: "${broken}"\n`,
    );
    expect(load).toThrow(/transport\.url: is not a valid URL/);
    expect(load).not.toThrow(/S3cret/);
  });

  // fetch refuses such a URL, so no POST went out; the URL, password and all, was kept in the
  // store and printed by `gazette webhooks`.
  it("refuses a webhook URL with a user name or password, without printing it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    writeFileSync(
      path.join(dir, "g.yaml"),
      `${VALID}webhooks:\n  - url: "https://crm:S3cret@hooks.example.com/in"\n    secretEnv: HOOK_SECRET\n`,
    );
    const load = () => loadConfig({ path: "g.yaml", cwd: dir, env: {} });
    expect(load).toThrow(/webhooks\[0\]\.url: must not hold a user name or password/);
    expect(load).not.toThrow(/S3cret/);
  });

  it("exits with code 2 and writes nothing when the config is invalid", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    writeFileSync(path.join(dir, "gazette.yaml"), VALID.replace('"0 9 * * MON"', '"61 9 * * MON"'));
    const result = await runCli(["--config", "gazette.yaml", "run"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gazette\.yaml:14 lists\[0\]\.schedule\.cron/);
    expect(result.stdout).toBe("");
    expect(existsSync(path.join(dir, "data"))).toBe(false);
  });

  it("exits with code 2 when the config file is missing, naming the path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-config-"));
    const result = await runCli(["status"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path.join(dir, "config/gazette.yaml"));
  });
});
