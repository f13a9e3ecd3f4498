import { type RougeScores, scoreRouge } from "../rouge.js";
import { articleSentences } from "../split-sentences.js";
import type { EvalArticle } from "./read-eval-rows.js";

export const SYSTEMS = ["gazette", "lead-1", "oracle"] as const;
export type System = (typeof SYSTEMS)[number];
const PREFERRED_SETS = ["synthetic", "real", "real-long"];

/** A summary and a why, by one system. */
export interface Output {
  summary: string;
  why: string;
}

/** One article: what each system wrote, scored against the references. */
export interface RowResult {
  article: EvalArticle;
  outputs: Record<System, Output>;
  scores: Record<System, { summary: RougeScores; why?: RougeScores }>;
}

/**
 * The baselines: Lead-1 (the article's first sentence, for both fields) and the oracle (the one
 * article sentence with the best ROUGE-1 against each reference: the most a one-sentence
 * extract could score).
 */
export function baselines(article: EvalArticle): Record<Exclude<System, "gazette">, Output> {
  const sentences = articleSentences(article.text);
  const lead = sentences[0] ?? "";
  return {
    "lead-1": { summary: lead, why: lead },
    oracle: {
      summary: bestSentence(sentences, article.refSummary),
      why: article.refWhy ? bestSentence(sentences, article.refWhy) : "",
    },
  };
}

function bestSentence(sentences: readonly string[], reference: string): string {
  let best = { sentence: "", score: -1 };
  for (const sentence of sentences) {
    const score = scoreRouge(sentence, reference).rouge1;
    if (score > best.score) best = { sentence, score };
  }
  return best.sentence;
}

/** Scores every system's output against the row's references; a why only against a non-empty one. */
export function scoreRow(article: EvalArticle, outputs: Record<System, Output>): RowResult {
  const scores = Object.fromEntries(
    SYSTEMS.map((system) => [
      system,
      {
        summary: scoreRouge(outputs[system].summary, article.refSummary),
        ...(article.refWhy && { why: scoreRouge(outputs[system].why, article.refWhy) }),
      },
    ]),
  ) as RowResult["scores"];
  return { article, outputs, scores };
}

/** Means over a set's rows, and how our why kept silent where the reference has none. */
export interface SetReport {
  name: string;
  rows: number;
  means: Record<System, { summary: RougeScores; why?: RougeScores }>;
  /** Rows with a reference why, and of those how many of ours were empty. */
  withWhy: { rows: number; oursEmpty: number };
  /** Rows whose reference has no why ("" ), and of those how many of ours were empty too. */
  withoutWhy: { rows: number; oursEmpty: number };
}

/** One report per set a row is in (synthetic, real, real-long first), over the rows given. */
export function reportSets(results: readonly RowResult[]): SetReport[] {
  const names = [...new Set(results.flatMap((result) => result.article.sets))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return names.map((name) =>
    reportSet(
      name,
      results.filter((r) => r.article.sets.includes(name)),
    ),
  );
}

function rank(set: string): number {
  const at = PREFERRED_SETS.indexOf(set);
  return at === -1 ? PREFERRED_SETS.length : at;
}

function reportSet(name: string, rows: readonly RowResult[]): SetReport {
  const judged = rows.filter((row) => row.article.refWhy !== undefined);
  const withWhy = judged.filter((row) => row.article.refWhy !== "");
  const withoutWhy = judged.filter((row) => row.article.refWhy === "");
  const oursEmpty = (among: readonly RowResult[]) =>
    among.filter((row) => row.outputs.gazette.why.trim() === "").length;
  const means = Object.fromEntries(
    SYSTEMS.map((system) => [
      system,
      {
        summary: mean(rows.map((row) => row.scores[system].summary)),
        ...(withWhy.length > 0 && {
          why: mean(withWhy.flatMap((row) => row.scores[system].why ?? [])),
        }),
      },
    ]),
  ) as SetReport["means"];
  return {
    name,
    rows: rows.length,
    means,
    withWhy: { rows: withWhy.length, oursEmpty: oursEmpty(withWhy) },
    withoutWhy: { rows: withoutWhy.length, oursEmpty: oursEmpty(withoutWhy) },
  };
}

function mean(scores: readonly RougeScores[]): RougeScores {
  const average = (pick: (each: RougeScores) => number) =>
    scores.length === 0 ? 0 : scores.reduce((sum, each) => sum + pick(each), 0) / scores.length;
  return {
    rouge1: average((each) => each.rouge1),
    rouge2: average((each) => each.rouge2),
    rougeL: average((each) => each.rougeL),
  };
}
