import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { feedsIn, UsageError } from "../../../scripts/audit/feeds-in.js";
import { type CliResult, ROOT, runNode } from "../../helpers/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "gazette-audit-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One article whose only text is a question: whatever the summarizer does — the question, the
// title, or nothing — the entry has a defect. One item with a title only: not an entry with text.
const FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Audit Test Blog</title><link>https://audit.test/</link>
<item><title>Cold caches</title><link>https://audit.test/cold</link><guid>cold</guid>
<description>Why does our cache go cold every Monday morning?</description></item>
<item><title>Title only</title><link>https://audit.test/title-only</link><guid>title-only</guid></item>
</channel></rss>`;
const feedFile = path.join(dir, "audit-test.xml");
writeFileSync(feedFile, FEED);

function runAudit(args: string[]): Promise<CliResult> {
  return runNode(["--import", "tsx", path.join(ROOT, "scripts/audit-summaries.ts"), ...args]);
}

describe("npm run audit:summaries", () => {
  it("collects and enriches the feed into a temporary store and holds the share to the ratchet", async () => {
    const threshold = path.join(dir, "threshold.json");
    writeFileSync(threshold, JSON.stringify({ maxShare: 0.5, goal: 0.05 }));
    const { code, stdout } = await runAudit([feedFile, "--json", "--threshold", threshold]);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ articles: 2, withText: 1, defective: 1, share: 1 });
    // The configured default: the built-in summarizer wrote both (whatever its version).
    expect(Object.keys(report.summarizers)).toEqual([expect.stringMatching(/^extractive@\d+$/)]);
    expect(Object.values(report.summarizers)).toEqual([2]);
    const findings = report.kinds.flatMap((kind: { findings: object[] }) => kind.findings);
    expect(findings[0]).toMatchObject({ feed: "Audit Test Blog", title: "Cold caches" });
    expect(report.check).toEqual({
      ok: false,
      message: expect.stringMatching(/100\.0% is above the ratchet of 50\.0%/),
    });
    expect(code).toBe(1);
  });

  it("says what is wrong with the command line in one line, exit code 2", async () => {
    const { code, stdout, stderr } = await runAudit(["--bogus"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^audit:summaries: Unknown option '--bogus'/),
    ]);
  });
});

describe("feedsIn", () => {
  it("takes a manifest's feeds, else a folder's feed files, and refuses a missing path", () => {
    const folder = path.join(dir, "feeds");
    const withManifest = path.join(dir, "with-manifest");
    for (const [at, files] of [
      [folder, ["a.xml", "b.json", "notes.txt"]],
      [withManifest, ["a.xml", "expected.xml"]],
    ] as const) {
      mkdirSync(at);
      for (const file of files) writeFileSync(path.join(at, file), "");
    }
    writeFileSync(
      path.join(withManifest, "manifest.json"),
      JSON.stringify({
        files: [
          { file: "a.xml", role: "feed" },
          { file: "expected.xml", role: "expected-value" },
        ],
      }),
    );
    expect(feedsIn(folder)).toEqual([path.join(folder, "a.xml"), path.join(folder, "b.json")]);
    expect(feedsIn(withManifest)).toEqual([path.join(withManifest, "a.xml")]);
    expect(feedsIn("https://example.com/feed.xml")).toEqual(["https://example.com/feed.xml"]);
    expect(() => feedsIn(path.join(dir, "missing"))).toThrow(UsageError);
  });
});
