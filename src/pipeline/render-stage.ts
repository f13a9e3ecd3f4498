import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toIssueModel } from "../compose/to-issue-model.js";
import type { ListConfig } from "../config/index.js";
import { type CompiledIssue, renderIssue, type SizeReport } from "../render/index.js";
import type { IssueRow } from "../store/index.js";
import type { Context } from "./context.js";
import { renderOptionsOf } from "./render-segments.js";

export interface RenderOutput {
  compiled: CompiledIssue;
  articleCount: number;
  /** The email's HTML size, and how many articles were cut to fit the budget. */
  size: SizeReport;
  htmlPath: string;
  textPath: string;
}

/** render: compile the issue once and write its web version (no personal data) to files. */
export async function renderStage(
  ctx: Context,
  list: ListConfig,
  issue: IssueRow,
): Promise<RenderOutput> {
  const rows = await ctx.store.issues.articles(issue.id);
  const model = toIssueModel(ctx.config, list, issue, rows);
  const compiled = await renderIssue(model, renderOptionsOf(ctx, list));
  const dir = path.join(ctx.loaded.dataDir, "issues", list.id);
  await mkdir(dir, { recursive: true });
  const web = compiled.webVersion();
  const htmlPath = path.join(dir, `${issue.number}.html`);
  const textPath = path.join(dir, `${issue.number}.txt`);
  await writeFile(htmlPath, web.html);
  await writeFile(textPath, web.text);
  return { compiled, articleCount: rows.length, size: compiled.size, htmlPath, textPath };
}
