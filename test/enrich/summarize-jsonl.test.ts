import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExtractiveSummarizer } from "../../src/enrich/extractive/extractive.js";
import { summarizeJsonl } from "../../src/enrich/summarize-jsonl.js";
import type { Summarizer } from "../../src/enrich/types.js";
import { GazetteError } from "../../src/shared/errors.js";

const summarizer = createExtractiveSummarizer();
const row = (id: string | number, title: string, text: string) =>
  JSON.stringify({ id, title, text, url: `https://example.com/${id}` });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gazette-enrich-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("summarizeJsonl", () => {
  it("round-trips a file of rows, in order, skipping blank lines", async () => {
    const input = join(dir, "rows.jsonl");
    const output = join(dir, "out.jsonl");
    const text =
      "We replaced the nightly batch job with a streaming pipeline on Kafka. Reports that used to arrive at noon now arrive within 5 minutes, which cut support tickets by 30%.";
    await writeFile(input, `${row("a", "Streaming reports", text)}\n\n${row(7, "Empty", "")}\n`);

    expect(await summarizeJsonl(input, output, summarizer)).toBe(2);

    const lines = (await readFile(output, "utf8")).trimEnd().split("\n");
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(first ?? {})).toEqual([
      "id",
      "summary",
      "why",
      "tags",
      "category",
      "readMinutes",
    ]);
    expect(first).toMatchObject({ id: "a", readMinutes: 1 });
    expect(first?.why).toContain("30%");
    expect(second).toEqual({
      id: 7,
      summary: "",
      why: "",
      tags: [],
      category: "Engineering",
      readMinutes: 0,
    });
  });

  it("streams from a Readable into a Writable", async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    const source = Readable.from([`${row(1, "One", "Just one sentence here about caching.")}\n`]);
    await summarizeJsonl(source, sink, summarizer);
    expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toMatchObject({ id: 1 });
  });

  it.each([
    ["not JSON", "{oops", /rows\.jsonl:2: not valid JSON/],
    ["not an object", "[1, 2]", /rows\.jsonl:2: not valid JSON .*expected an object/],
    [
      "a missing field",
      JSON.stringify({ id: "b", text: "Body." }),
      /rows\.jsonl:2: missing field "title"/,
    ],
    [
      "a mistyped field",
      JSON.stringify({ id: "b", title: 3, text: "" }),
      /rows\.jsonl:2: field "title"/,
    ],
  ])("names the line of %s, leaving no output behind", async (_name, bad, message) => {
    const input = join(dir, "rows.jsonl");
    const output = join(dir, "out.jsonl");
    await writeFile(input, `${row("a", "Fine", "A fine first row with enough words.")}\n${bad}\n`);
    const error = await summarizeJsonl(input, output, summarizer).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GazetteError);
    expect(error).toMatchObject({ code: "USAGE", message: expect.stringMatching(message) });
    await expect(readFile(output)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("names the publisher from a row's source, and the author of a personal blog", async () => {
    const input = join(dir, "rows.jsonl");
    const output = join(dir, "out.jsonl");
    const text =
      "Our CI took 40 minutes.\n\nWe split the suite into shards, which cut CI time by 38% and let us merge twice as often.";
    const personal =
      "I rewrote the static site generator in Rust, which cut build time from 40 seconds to 2 seconds.";
    await writeFile(
      input,
      [
        JSON.stringify({ id: 1, title: "Cutting CI time", text, source: "Acme Engineering Blog" }),
        JSON.stringify({
          id: 2,
          title: "Moving off Jekyll",
          text: personal,
          author: "Jane Smith",
          personal: true,
        }),
        JSON.stringify({ id: 3, title: "Cutting CI time", text }),
      ].join("\n"),
    );
    await summarizeJsonl(input, output, summarizer);
    const [acme, jane, anonymous] = (await readFile(output, "utf8"))
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { summary: string });
    expect(acme?.summary).toMatch(/^Acme split the suite into shards, which cut CI time by 38%/);
    expect(jane?.summary).toMatch(/^Jane Smith rewrote the static site generator in Rust/);
    expect(anonymous?.summary).toMatch(/^The team split the suite/);
  });

  it("rejects a row whose source is not a string, naming the line and field", async () => {
    const input = join(dir, "rows.jsonl");
    await writeFile(input, `${JSON.stringify({ id: 1, title: "T", text: "x", source: 3 })}\n`);
    await expect(summarizeJsonl(input, join(dir, "out.jsonl"), summarizer)).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/rows\.jsonl:1: field "source"/),
    });
  });

  it("reports an input file that cannot be read", async () => {
    const missing = join(dir, "missing.jsonl");
    await expect(summarizeJsonl(missing, join(dir, "out.jsonl"), summarizer)).rejects.toMatchObject(
      {
        code: "FILE_UNREADABLE",
        message: expect.stringMatching(/missing\.jsonl: no such file \(check the path/),
      },
    );
  });

  it("reports a failing summarizer with the line it was on", async () => {
    const failing: Summarizer = {
      id: "failing@1",
      summarize: async () => {
        throw new Error("model unavailable");
      },
    };
    const source = Readable.from([`${row("a", "T", "Text.")}\n`]);
    await expect(summarizeJsonl(source, new PassThrough(), failing)).rejects.toMatchObject({
      code: "SUMMARIZE_FAILED",
      message: "<stdin>:1: model unavailable",
    });
  });
});
