import path from "node:path";
import { type ArchiveEntry, type ArchiveFiles, writeArchive } from "../archive/index.js";
import { joinUrl, webVersionUrl } from "../audience/index.js";
import type { Issue } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import type { CompiledIssue } from "../render/index.js";
import type { Context } from "./context.js";
import { listNumber } from "./find-list.js";

/**
 * archive: once an issue is sent, its web version (every article, no personal data) goes to
 * `<dataDir>/archive/<list>/<number>.html`, with the list's index page and Atom feed rewritten.
 */
export async function archiveStage(
  ctx: Context,
  list: ListConfig,
  issue: Pick<Issue, "number">,
  compiled: CompiledIssue,
): Promise<ArchiveFiles> {
  const baseUrl = ctx.config.newsletter.baseUrl;
  const sent = await ctx.store.issues.sent(listNumber(ctx, list));
  const entries: ArchiveEntry[] = [];
  for (const sentIssue of sent) {
    const articles = await ctx.store.issueDrafts.articles(sentIssue.id);
    entries.push({
      number: sentIssue.number,
      subject: sentIssue.subject,
      sentAt: sentIssue.sentAt ?? sentIssue.periodEnd,
      url: webVersionUrl(baseUrl, list.id, sentIssue.number),
      articleTitles: articles.filter((a) => a.kind === "card").map((article) => article.title),
    });
  }
  return writeArchive({
    dir: path.join(ctx.loaded.dataDir, "archive", list.id),
    info: {
      newsletterName: ctx.config.newsletter.name,
      listName: list.name,
      language: ctx.config.newsletter.language,
      baseUrl: joinUrl(baseUrl, `archive/${encodeURIComponent(list.id)}/`),
    },
    issue: { number: issue.number, html: compiled.webVersion().html },
    entries,
  });
}
