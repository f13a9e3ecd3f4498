import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toIssueModel } from "../compose/index.js";
import type { Issue, IssueArticle } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import { type CompiledIssue, renderIssue, type SizeReport } from "../render/index.js";
import type { Context } from "./context.js";
import { renderOptionsOf } from "./render-segments.js";

export interface RenderOutput {
  compiled: CompiledIssue;
  /** The cards. */
  articleCount: number;
  /** The issue's other articles: "Also published", merged into a card's story, sent before. */
  folded: IssueFolds;
  /** The email's HTML size, and how many articles were cut to fit the budget. */
  size: SizeReport;
  htmlPath: string;
  textPath: string;
}

/** How many of an issue's articles are not cards of their own, by why. */
export interface IssueFolds {
  alsoPublished: number;
  merged: number;
  repeats: number;
}

/** The issue compiled once, without writing anything; `unstored`: the articles of an issue that is not stored. */
export async function compileStage(
  ctx: Context,
  list: ListConfig,
  issue: Issue,
  unstored?: IssueArticle[],
): Promise<Omit<RenderOutput, "htmlPath" | "textPath">> {
  const articles = unstored ?? (await ctx.store.issueDrafts.articles(issue.id));
  const model = toIssueModel(ctx.config, list, issue, articles);
  const compiled = await renderIssue(model, renderOptionsOf(ctx, list));
  const count = (kind: string) => articles.filter((row) => row.kind === kind).length;
  return {
    compiled,
    articleCount: count("card"),
    folded: { alsoPublished: count("also"), merged: count("merged"), repeats: count("repeat") },
    size: compiled.size,
  };
}

/** render: compile the issue once and write its web version (no personal data) to files. */
export async function renderStage(
  ctx: Context,
  list: ListConfig,
  issue: Issue,
): Promise<RenderOutput> {
  const { compiled, articleCount, folded, size } = await compileStage(ctx, list, issue);
  const dir = path.join(ctx.loaded.dataDir, "issues", list.id);
  await mkdir(dir, { recursive: true });
  const web = compiled.webVersion();
  const htmlPath = path.join(dir, `${issue.number}.html`);
  const textPath = path.join(dir, `${issue.number}.txt`);
  await writeFile(htmlPath, web.html);
  await writeFile(textPath, web.text);
  return { compiled, articleCount, folded, size, htmlPath, textPath };
}
