import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readEvalRows } from "../../../scripts/eval/read-eval-rows.js";

const dir = mkdtempSync(path.join(tmpdir(), "gazette-eval-rows-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Tidewater Engineering</title><link>https://tidewater.test/</link>
<item><title>A remote build cache</title><link>https://tidewater.test/cache?utm_source=rss</link>
<guid isPermaLink="false">post-7</guid><author>lena@tidewater.test (Lena Okafor)</author>
<description><![CDATA[<p>Tidewater moved its builds to a <b>remote cache</b>.</p><p>CI got twice as fast.</p>]]></description></item>
</channel></rss>`;
writeFileSync(path.join(dir, "tidewater.xml"), FEED);

function writeRows(name: string, rows: object[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`);
  return file;
}

const reference = { ref_summary: "Tidewater moved its builds to a remote cache.", ref_why: "" };

describe("readEvalRows", () => {
  it("reads an inline row as synthetic and a feed row through the parse path, by GUID or link", async () => {
    const file = writeRows("rows.jsonl", [
      { id: 1, title: "T", text: "Some text.", ...reference },
      { id: "by-guid", feed: "tidewater.xml", item: "post-7", source: "Tidewater", ...reference },
      {
        id: "by-link",
        sets: ["real", "mine"],
        feed: "tidewater.xml",
        item: "https://tidewater.test/cache?utm_source=rss",
        ...reference,
      },
    ]);
    const [inline, byGuid, byLink] = await readEvalRows(file, dir);
    expect(inline).toMatchObject({ id: "1", sets: ["synthetic"], title: "T", text: "Some text." });
    expect(byGuid).toMatchObject({
      id: "by-guid",
      sets: ["real"],
      title: "A remote build cache",
      text: "Tidewater moved its builds to a remote cache.\n\nCI got twice as fast.",
      source: { name: "Tidewater", author: expect.stringContaining("Lena Okafor") },
      refWhy: "",
    });
    expect(byGuid?.html).toContain("<b>remote cache</b>");
    // Without a configured name, the feed's title names the publisher.
    expect(byLink).toMatchObject({
      sets: ["real", "mine"],
      source: { name: "Tidewater Engineering" },
    });
  });

  it.each([
    [
      { id: "x", feed: "tidewater.xml", item: "post-8", ...reference },
      /rows\.jsonl:1: .*tidewater\.xml has no item with the GUID or link "post-8"/,
    ],
    [
      { id: "x", feed: "missing.xml", item: "post-7", ...reference },
      /rows\.jsonl:1: feed file .*missing\.xml not found/,
    ],
    [
      { id: "x", feed: "tidewater.xml", item: "post-7", ref_summary: "" },
      /rows\.jsonl:1: ref_summary: /,
    ],
    [
      { id: "x", feed: "tidewater.xml", item: "post-7", text: "copied", ...reference },
      /rows\.jsonl:1: /,
    ],
  ])("names the file, line and fault of a bad row: %j", async (row, message) => {
    await expect(readEvalRows(writeRows("rows.jsonl", [row]), dir)).rejects.toThrow(message);
  });
});
