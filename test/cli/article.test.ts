import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";
import { type ModelServer, openAiCompletion, startModelServer } from "../helpers/model-server.js";

// The demo feeds behind a config in a temp directory; outbox transport.
function writeConfig(dir: string, summarizer = ""): void {
  writeDemoConfig(dir, { name: "Article Test", extra: summarizer });
}

const cli = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(["--config", "gazette.yaml", ...args], { cwd: dir, env });

interface Listed {
  id: string;
  date: string;
  feed: string;
  title: string;
  mark: string;
}

async function listArticles(dir: string): Promise<Listed[]> {
  const result = await cli(dir, ["article", "list", "--limit", "100"]);
  expect(result.code).toBe(0);
  return result.stdout
    .trim()
    .split("\n")
    .map((line) => {
      const [id = "", date = "", feed = "", title = "", mark = ""] = line.split("\t");
      return { id, date, feed, title, mark };
    });
}

describe("gazette article", () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-article-"));
    writeConfig(dir);
    expect((await cli(dir, ["collect"])).code).toBe(0);
    expect((await cli(dir, ["subscribers", "add", "ann@example.com"])).code).toBe(0);
  });

  it("lists articles with their ids, newest first", async () => {
    const rows = await listArticles(dir);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.id).toMatch(/^\d+$/);
      expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["northwind-engineering", "quarry-data"]).toContain(row.feed);
    }
    const dates = rows.map((row) => row.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const limited = await cli(dir, ["article", "list", "--limit", "2"]);
    expect(limited.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("keeps edits through enrich --force, shows them, and drops leave the next issue", async () => {
    const [edited, dropped] = await listArticles(dir);
    if (!edited || !dropped) throw new Error("the demo feeds have articles");
    expect((await cli(dir, ["enrich"])).code).toBe(0);
    const edit = await cli(dir, [
      "article",
      "edit",
      edited.id,
      "--summary",
      "An editor rewrote this summary.",
      "--why",
      "Editors know why it matters.",
      "--tags",
      "databases, postgresql",
    ]);
    expect(edit.code).toBe(0);
    expect((await cli(dir, ["article", "drop", dropped.id])).code).toBe(0);

    const forced = await cli(dir, ["enrich", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Summaries: \d+ written/);
    expect(forced.stdout).not.toMatch(/Summaries: 0 written/);

    const shown = await cli(dir, ["article", "show", edited.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Article ${edited.id}: ${edited.title}`);
    expect(shown.stdout).toMatch(/Enrichment by extractive@13 \(/);
    expect(shown.stdout).toMatch(/Edited \(.*\n {2}Summary: {2}An editor rewrote this summary\./);
    expect(shown.stdout).toContain("Tags:     databases, postgresql");
    const marks = await listArticles(dir);
    expect(marks.find((row) => row.id === edited.id)?.mark).toBe("edited");
    expect(marks.find((row) => row.id === dropped.id)?.mark).toBe("dropped");

    // "" takes an edit away rather than blanking the field, and says so.
    const undone = await cli(dir, ["article", "edit", dropped.id, "--why", "x", "--summary", ""]);
    expect(undone.stdout).toBe(
      `Article ${dropped.id}: edited (why); edit of summary removed (the summarizer's text is used again).\n`,
    );
    const run = await cli(dir, ["run"]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(path.join(dir, "data/issues/weekly/1.txt"), "utf8");
    expect(text).toContain(edited.title);
    expect(text).toContain("An editor rewrote this summary.");
    expect(text).toContain("Editors know why it matters.");
    expect(text).not.toContain(dropped.title);
  });

  it("refuses bad ids and empty edits", async () => {
    const missing = await cli(dir, ["article", "show", "99999"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no article 99999");
    const notAnId = await cli(dir, ["article", "drop", "abc"]);
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain('"abc" is not an article id');
    const empty = await cli(dir, ["article", "edit", "1"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("nothing to edit");
    const long = await cli(dir, ["article", "edit", "1", "--summary", "x".repeat(301)]);
    expect(long.code).toBe(2);
    const tags = await cli(dir, ["article", "edit", "1", "--tags", "Big Data"]);
    expect(tags.code).toBe(2);
  });
});

describe("gazette enrich with a model", () => {
  let dir: string;
  let server: ModelServer;
  const env = { OPENAI_API_KEY: "sk-cli-test" };

  beforeAll(async () => {
    server = await startModelServer("openai", (request) => {
      const messages = request.body.messages as { content: string }[];
      const title = /Title: (.*)/.exec(messages[1]?.content ?? "")?.[1] ?? "";
      return openAiCompletion(
        JSON.stringify({ summary: `${title}.`, why: `${title}.`, tags: [], category: "Backend" }),
      );
    });
    dir = mkdtempSync(path.join(tmpdir(), "gazette-llm-"));
    writeConfig(
      dir,
      `summarizer:
  provider: openai
  model: gpt-cli
  baseUrl: ${server.baseUrl}
  maxConcurrency: 2
  pricing: { inputPerMillion: 1, outputPerMillion: 2 }`,
    );
    expect((await cli(dir, ["collect"])).code).toBe(0);
  });
  afterAll(() => server.close());

  it("reports tokens and cost, caches answers and regenerates one article with --force", async () => {
    const first = await cli(dir, ["enrich"], env);
    expect(first.code, first.stderr).toBe(0);
    const count = server.requests.length;
    expect(count).toBeGreaterThan(5);
    expect(first.stdout).toContain(`Summaries: ${count} written`);
    const cost = ((count * 900 + count * 120 * 2) / 1_000_000).toFixed(4);
    expect(first.stdout).toContain(
      `Model: ${count} requests, ${count * 900} tokens in, ${count * 120} tokens out, estimated cost ${cost}`,
    );
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-cli-test");

    const again = await cli(dir, ["enrich"], env);
    expect(again.stdout).toContain("Summaries: 0 written");
    expect(server.requests).toHaveLength(count);

    const [one] = await listArticles(dir);
    const forced = await cli(dir, ["enrich", "--article", one?.id ?? "", "--force"], env);
    expect(forced.stdout).toContain("Summaries: 1 written");
    expect(server.requests).toHaveLength(count + 1);
    const shown = await cli(dir, ["article", "show", one?.id ?? ""]);
    expect(shown.stdout).toContain("Enrichment by openai:gpt-cli:summarize.v2");
  });

  it("falls back to the built-in summarizer when the key is missing, and says so", async () => {
    const official = mkdtempSync(path.join(tmpdir(), "gazette-nokey-"));
    writeConfig(official, "summarizer:\n  provider: openai\n  model: gpt-cli");
    expect((await cli(official, ["collect"])).code).toBe(0);
    const result = await cli(official, ["enrich"], { OPENAI_API_KEY: "" });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Summaries: (\d+) written, \1 by the built-in summarizer/);
    expect(result.stdout).toContain("OPENAI_API_KEY is not set");
  });
});
