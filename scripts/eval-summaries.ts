// Scores the built-in summarizer against reference summaries: `npm run eval:summaries -- rows.jsonl`.
// Rows: {id, title, text, ref_summary, ref_why?}. A directory argument reads every *.jsonl in it.
// Prints ROUGE-1/2/L F1 (mean over rows) of our summary and why, with Lead-1 and Lead-3 baselines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createExtractiveSummarizer, segmentSentences } from "../src/enrich/index.js";
import { type RougeScores, scoreRouge } from "./rouge.js";

const Row = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  text: z.string(),
  ref_summary: z.string(),
  ref_why: z.string().optional(),
  categories: z.array(z.string()).optional(),
});
type Row = z.infer<typeof Row>;

function readRows(target: string): Row[] {
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => name.endsWith(".jsonl"))
        .sort()
        .map((name) => path.join(target, name))
    : [target];
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, at) => {
        if (line.trim() === "") return [];
        const parsed = Row.safeParse(JSON.parse(line));
        if (!parsed.success)
          throw new Error(`${file}:${at + 1}: ${parsed.error.issues[0]?.message}`);
        return [parsed.data];
      }),
  );
}

class Mean {
  private sums = { rouge1: 0, rouge2: 0, rougeL: 0 };
  count = 0;
  add(scores: RougeScores): void {
    this.sums.rouge1 += scores.rouge1;
    this.sums.rouge2 += scores.rouge2;
    this.sums.rougeL += scores.rougeL;
    this.count++;
  }
  format(): string {
    const mean = (sum: number) => (this.count === 0 ? "  –  " : (sum / this.count).toFixed(3));
    return [this.sums.rouge1, this.sums.rouge2, this.sums.rougeL].map(mean).join("  ");
  }
}

async function main(argv: string[]): Promise<void> {
  const showRows = argv.includes("--rows");
  const target = argv.find((arg) => !arg.startsWith("--")) ?? "eval/summaries.jsonl";
  const rows = readRows(target);
  const summarizer = createExtractiveSummarizer();
  const systems = ["gazette", "lead-1", "lead-3"] as const;
  const means = Object.fromEntries(
    systems.map((name) => [name, { summary: new Mean(), why: new Mean() }]),
  ) as Record<(typeof systems)[number], { summary: Mean; why: Mean }>;
  for (const row of rows) {
    const ours = await summarizer.summarize(row);
    const sentences = segmentSentences(row.text);
    const outputs = {
      gazette: { summary: ours.summary, why: ours.why },
      "lead-1": { summary: sentences.slice(0, 1).join(" "), why: sentences.slice(0, 1).join(" ") },
      "lead-3": { summary: sentences.slice(0, 3).join(" "), why: sentences.slice(0, 3).join(" ") },
    };
    for (const name of systems) {
      const summaryScores = scoreRouge(outputs[name].summary, row.ref_summary);
      means[name].summary.add(summaryScores);
      if (row.ref_why !== undefined)
        means[name].why.add(scoreRouge(outputs[name].why, row.ref_why));
      if (showRows && name === "gazette") {
        console.log(`${row.id}\n  summary: ${ours.summary}\n  why:     ${ours.why}`);
      }
    }
  }
  console.log(`${rows.length} rows from ${target} · ROUGE F1 (mean)`);
  console.log("system    summary R-1    R-2    R-L  |  why R-1    R-2    R-L");
  for (const name of systems) {
    console.log(
      `${name.padEnd(10)}      ${means[name].summary.format()}  |      ${means[name].why.format()}`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
