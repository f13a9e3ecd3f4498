import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatRows, formatSets } from "../../../scripts/eval/format-eval.js";
import type { EvalArticle } from "../../../scripts/eval/read-eval-rows.js";
import { baselines, reportSets, scoreRow } from "../../../scripts/eval/score-eval.js";
import { ROOT, runNode } from "../../helpers/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "gazette-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT =
  "Tidewater's CI took 31 minutes per run. The team deployed a remote build cache backed by object storage. After fixing non-deterministic tasks, the hit rate climbed to 87%. The median CI run fell from 31 minutes to 14 minutes.";

describe("npm run eval:summaries", () => {
  it("summarizes each row and prints per set our scores, Lead-1's and the oracle's, with --rows side by side", async () => {
    const rows = [
      {
        id: "cache",
        title: "A remote build cache",
        text: TEXT,
        ref_summary: "Tidewater deployed a remote build cache.",
        ref_why: "The median CI run fell from 31 to 14 minutes.",
      },
      {
        id: "cache-2",
        sets: ["synthetic", "mine"],
        title: "Again",
        text: TEXT,
        ref_summary: "Tidewater cut CI time.",
        ref_why: "",
      },
    ];
    const file = path.join(dir, "rows.jsonl");
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join("\n"));
    const { code, stdout, stderr } = await runNode([
      "--import",
      "tsx",
      path.join(ROOT, "scripts/eval-summaries.ts"),
      file,
      "--json",
      "--rows",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.sets.map((set: { name: string; rows: number }) => [set.name, set.rows])).toEqual([
      ["synthetic", 2],
      ["mine", 1],
    ]);
    expect(report.sets[0].withoutWhy).toEqual({ rows: 1, oursEmpty: expect.any(Number) });
    const [first] = report.rows;
    expect(first.outputs.gazette.summary).not.toBe("");
    expect(first.outputs.oracle.summary).toBe(
      "The team deployed a remote build cache backed by object storage.",
    );
    expect(first.scores.oracle.summary.rouge1).toBeGreaterThanOrEqual(
      first.scores["lead-1"].summary.rouge1,
    );
  });
});

describe("the printed report", () => {
  const article: EvalArticle = {
    id: "cache",
    sets: ["real"],
    title: "A remote build cache",
    text: TEXT,
    categories: [],
    source: { name: "Tidewater" },
    refSummary: "Tidewater deployed a remote build cache.",
    refWhy: "",
  };
  const result = scoreRow(article, {
    gazette: { summary: "Tidewater deployed a remote build cache.", why: "" },
    ...baselines(article),
  });

  it("shows ours beside the reference, and says when the reference has no why", () => {
    expect(formatRows([result]).split("\n")).toEqual([
      "cache [real] Tidewater · A remote build cache",
      "  summary  ours (R-1 100.0)  Tidewater deployed a remote build cache.",
      "           ref              Tidewater deployed a remote build cache.",
      "  why      ours (R-1   – )  (empty)",
      "           ref              (none: the article offers no outcome or lesson)",
    ]);
  });

  it("prints one table per set with the three systems", () => {
    const lines = formatSets(reportSets([result])).split("\n");
    expect(lines).toContain("real · 1 rows");
    expect(lines.find((line) => line.startsWith("gazette"))).toMatch(
      /^gazette\s+100\.0\s+100\.0\s+100\.0\s+\|\s+–/,
    );
    expect(lines.at(-1)).toBe(
      "why: ours is empty in 0 of 0 rows with a reference why, and in 1 of 1 rows whose reference has none",
    );
  });
});
