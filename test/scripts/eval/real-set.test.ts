import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDefects } from "../../../scripts/audit/find-defects.js";
import { readEvalRows } from "../../../scripts/eval/read-eval-rows.js";
import { ROOT } from "../../helpers/cli.js";

// The evaluation set as committed: its articles are read from ../shared at run time.
const REAL_FEEDS = path.join(ROOT, "../shared/conformance/real-feeds");
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe.skipIf(!existsSync(REAL_FEEDS))("eval/ (the committed evaluation set)", async () => {
  const rows = existsSync(REAL_FEEDS) ? await readEvalRows(path.join(ROOT, "eval"), ROOT) : [];
  const real = rows.filter((row) => row.sets.includes("real"));

  it("has the synthetic set and at least 40 real articles, each found in its feed, ids unique", () => {
    expect(rows.filter((row) => row.sets.includes("synthetic"))).toHaveLength(17);
    expect(real.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(real.filter((row) => words(row.text) < 50)).toEqual([]);
  });

  it("marks as long only complete articles of 800 words or more", () => {
    const long = real.filter((row) => row.sets.includes("real-long"));
    expect(long.length).toBeGreaterThanOrEqual(15);
    expect(long.filter((row) => words(row.text) < 800).map((row) => row.id)).toEqual([]);
  });

  it("has references written, not copied: no reference summary stands in its article", () => {
    const squash = (text: string) => text.replace(/\s+/g, " ").toLowerCase();
    const copied = real.filter((row) => squash(row.text).includes(squash(row.refSummary)));
    expect(copied.map((row) => row.id)).toEqual([]);
  });

  it("has references the defect audit finds nothing wrong with", () => {
    const flagged = rows.flatMap((row) => {
      const defects = findDefects({
        summary: row.refSummary,
        why: row.refWhy ?? "",
        articleText: row.text,
        source: row.source?.name,
      });
      return defects.map((defect) => `${row.id}: ${defect.kind} (${defect.detail})`);
    });
    expect(flagged).toEqual([]);
  });
});
