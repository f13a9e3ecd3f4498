import path from "node:path";
import { articlesForTopics, groupSegments, noTopicReason, toIssueModel } from "../compose/index.js";
import type { Issue, IssueArticle } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import {
  type CompiledIssue,
  type Recipient,
  type RenderedMessage,
  type RenderOptions,
  renderIssue,
} from "../render/index.js";
import type { Context } from "./context.js";

/** The list's theme folder: its own `template`, else the top-level `templates`. */
export function themeDirOf(ctx: Context, list: ListConfig): string {
  return list.template ? path.resolve(ctx.loaded.baseDir, list.template) : ctx.loaded.templatesDir;
}

/** How the list's issues are rendered. */
export function renderOptionsOf(ctx: Context, list: ListConfig): RenderOptions {
  return {
    templatesDir: themeDirOf(ctx, list),
    subjectTemplate: list.subject,
    maxHtmlBytes: list.maxEmailBytes ?? ctx.config.render.maxHtmlBytes,
  };
}

/**
 * Segments: active members who chose the same topics get the same email. Each segment's subset
 * of the issue's articles is rendered once, here, before the send; the returned fill picks the
 * recipient's segment by address. Members without topics (the usual case) get `compiled`, the
 * whole issue, which costs nothing extra. The subject stays the issue's. Members whose topics
 * match no article get nothing when the list's `topicFallback` is "none": they are returned in
 * `skipped`, with the reason their delivery records. `unstored`: the articles of an issue that is
 * not stored (a dry run's).
 */
export async function renderSegments(
  ctx: Context,
  list: ListConfig,
  listId: number,
  issue: Issue,
  compiled: CompiledIssue,
  unstored?: IssueArticle[],
): Promise<{
  fill: (recipient: Recipient) => RenderedMessage;
  segmentCount: number;
  skipped: { emails: string[]; reason: string }[];
}> {
  const segments = groupSegments(await ctx.store.subscribers.activeTopics(listId));
  if (segments.every((segment) => segment.key === "all"))
    return { fill: (recipient) => compiled.fill(recipient), segmentCount: 1, skipped: [] };
  const articles = unstored ?? (await ctx.store.issueDrafts.articles(issue.id));
  const model = toIssueModel(ctx.config, list, issue, articles);
  const rendered = new Map<string, CompiledIssue>();
  const byEmail = new Map<string, CompiledIssue>();
  const skipped: { emails: string[]; reason: string }[] = [];
  for (const segment of segments) {
    const articles = articlesForTopics(model.articles, segment.topics, list.topicFallback);
    if (articles.length === 0 && segment.topics) {
      skipped.push({ emails: segment.emails, reason: noTopicReason(segment.topics) });
      continue;
    }
    const key = articles.map((article) => article.id).join(",");
    let issueForSegment = articles.length === model.articles.length ? compiled : rendered.get(key);
    if (!issueForSegment) {
      issueForSegment = await renderIssue({ ...model, articles }, renderOptionsOf(ctx, list));
      rendered.set(key, issueForSegment);
    }
    for (const email of segment.emails) byEmail.set(email, issueForSegment);
  }
  return {
    fill: (recipient) => (byEmail.get(recipient.email) ?? compiled).fill(recipient),
    segmentCount: rendered.size + 1,
    skipped,
  };
}
