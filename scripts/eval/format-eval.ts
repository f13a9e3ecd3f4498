import type { RougeScores } from "../rouge.js";
import { type RowResult, type SetReport, SYSTEMS } from "./score-eval.js";

/** The table: per set, ROUGE-1/2/L F1 (× 100) of our summary and why, Lead-1 and the oracle. */
export function formatSets(sets: readonly SetReport[]): string {
  const lines: string[] = [
    "ROUGE F1 × 100, mean over the set's rows (why: rows with a reference why)",
  ];
  for (const set of sets) {
    lines.push(
      "",
      `${set.name} · ${set.rows} rows`,
      "system      summary  R-1   R-2   R-L  |  why  R-1   R-2   R-L",
    );
    for (const system of SYSTEMS) {
      const { summary, why } = set.means[system];
      lines.push(
        `${system.padEnd(10)}         ${triple(summary)}  |       ${why ? triple(why) : "  –     –     –"}`,
      );
    }
    lines.push(
      `why: ours is empty in ${set.withWhy.oursEmpty} of ${set.withWhy.rows} rows with a reference why, ` +
        `and in ${set.withoutWhy.oursEmpty} of ${set.withoutWhy.rows} rows whose reference has none`,
    );
  }
  return lines.join("\n");
}

function triple(scores: RougeScores): string {
  return [scores.rouge1, scores.rouge2, scores.rougeL]
    .map((score) => (score * 100).toFixed(1).padStart(4))
    .join("  ");
}

/** Each row: ours beside the reference, field by field, with our ROUGE-1, for a person to read. */
export function formatRows(results: readonly RowResult[]): string {
  return results
    .map(({ article, outputs, scores }) => {
      const ours = scores.gazette;
      const lines = [
        `${article.id} [${article.sets.join(", ")}] ${article.source?.name ?? ""} · ${article.title}`,
        `  summary  ours (R-1 ${score(ours.summary)})  ${outputs.gazette.summary || "(empty)"}`,
        `           ref              ${article.refSummary}`,
      ];
      if (article.refWhy !== undefined) {
        lines.push(
          `  why      ours (R-1 ${ours.why ? score(ours.why) : "  – "})  ${outputs.gazette.why || "(empty)"}`,
          `           ref              ${article.refWhy || "(none: the article offers no outcome or lesson)"}`,
        );
      }
      return lines.join("\n");
    })
    .join("\n\n");
}

function score(scores: RougeScores): string {
  return (scores.rouge1 * 100).toFixed(1).padStart(4);
}
