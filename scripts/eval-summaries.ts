// Scores the built-in summarizer against reference summaries and whys:
// `npm run eval:summaries [FILE.jsonl|DIR] [--set NAME] [--rows] [--json]` (default: eval/).
// A row holds an article (the synthetic set) or points at one in a feed file under ../shared,
// read at run time through Gazette's own parse path (the real set); see eval/README.md.
// Prints ROUGE-1/2/L F1 per set for our summary and why, Lead-1 and the best single sentence.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createExtractiveSummarizer, type SummarizeInput } from "../src/enrich/index.js";
import { formatRows, formatSets } from "./eval/format-eval.js";
import { type EvalArticle, readEvalRows } from "./eval/read-eval-rows.js";
import { baselines, type RowResult, reportSets, scoreRow } from "./eval/score-eval.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { rows: { type: "boolean" }, json: { type: "boolean" }, set: { type: "string" } },
  });
  const target = positionals[0] ?? path.join(ROOT, "eval");
  const articles = (await readEvalRows(target, ROOT)).filter(
    (article) => values.set === undefined || article.sets.includes(values.set),
  );
  if (articles.length === 0)
    throw new Error(`no rows in ${target}${values.set ? ` in set ${values.set}` : ""}`);
  const summarizer = createExtractiveSummarizer();
  const results: RowResult[] = [];
  for (const article of articles) {
    const ours = await summarizer.summarize(inputOf(article));
    results.push(
      scoreRow(article, {
        gazette: { summary: ours.summary, why: ours.why },
        ...baselines(article),
      }),
    );
  }
  const sets = reportSets(results);
  if (values.json) {
    console.log(
      JSON.stringify(
        { target, sets, ...(values.rows && { rows: results.map(toJsonRow) }) },
        null,
        2,
      ),
    );
    return;
  }
  if (values.rows) console.log(`${formatRows(results)}\n`);
  console.log(`${articles.length} rows from ${path.relative(process.cwd(), target) || target}`);
  console.log(formatSets(sets));
}

/**
 * What enrich would hand the summarizer. Built as a variable, not a literal at the call: the
 * agreed input also carries `html` and `source` (the summarizer contract of issue 15), which a
 * summarizer that does not read them yet ignores.
 */
function inputOf(article: EvalArticle): SummarizeInput {
  const input = {
    title: article.title,
    text: article.text,
    url: article.url,
    categories: article.categories,
    ...(article.html && { html: article.html }),
    ...(article.source && { source: article.source }),
  };
  return input;
}

function toJsonRow({ article, outputs, scores }: RowResult) {
  const { text: _text, html: _html, ...row } = article;
  return { ...row, outputs, scores };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`eval:summaries: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
