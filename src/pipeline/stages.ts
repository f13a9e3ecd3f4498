import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { unsubscribeUrl } from "../audience/links.js";
import { type ComposeResult, composeIssue } from "../compose/compose-issue.js";
import { toIssueModel } from "../compose/to-issue-model.js";
import { type ListConfig, parseDuration } from "../config/index.js";
import { createDryRunMailer, createMailer, domainOf, messageIdFor } from "../deliver/index.js";
import { type SendReport, sendIssue } from "../deliver/send-issue.js";
import type { Mailer } from "../deliver/types.js";
import { type EnrichReport, enrichArticles } from "../enrich/enrich-articles.js";
import { createExtractiveSummarizer } from "../enrich/index.js";
import { type CollectReport, collectFeeds } from "../ingest/collect-feeds.js";
import { type CompiledIssue, renderIssue } from "../render/index.js";
import { GazetteError } from "../shared/errors.js";
import type { IssueRow } from "../store/index.js";
import type { Context } from "./context.js";
import { formatAddress } from "./format-address.js";

/** collect: fetch every feed and store its new and changed articles. */
export function collectStage(ctx: Context): Promise<CollectReport> {
  return collectFeeds(ctx.store, ctx.config, () => ctx.clock.now());
}

/** enrich: summarize the articles any list could still use (within the longest look-back). */
export function enrichStage(ctx: Context): Promise<EnrichReport> {
  const longest = Math.max(...ctx.config.lists.map((list) => parseDuration(list.lookback)));
  const since = new Date(ctx.clock.now().getTime() - longest);
  return enrichArticles(ctx.store, createExtractiveSummarizer(), {
    since,
    now: () => ctx.clock.now(),
  });
}

/** The list's store id, creating the configured lists on first use. */
export async function listId(ctx: Context, list: ListConfig): Promise<number> {
  const ids = await ctx.store.subscribers.syncLists(ctx.config.lists, ctx.clock.now());
  return ids.get(list.id) as number;
}

/** compose: the list's next issue, or the unfinished one. */
export async function composeStage(ctx: Context, list: ListConfig): Promise<ComposeResult> {
  return composeIssue(ctx.store, list, await listId(ctx, list), ctx.clock.now());
}

export interface RenderOutput {
  compiled: CompiledIssue;
  articleCount: number;
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
  const compiled = await renderIssue(model, {
    templatesDir: ctx.loaded.templatesDir,
    subjectTemplate: list.subject,
  });
  const dir = path.join(ctx.loaded.dataDir, "issues", list.id);
  await mkdir(dir, { recursive: true });
  const web = compiled.webVersion();
  const htmlPath = path.join(dir, `${issue.number}.html`);
  const textPath = path.join(dir, `${issue.number}.txt`);
  await writeFile(htmlPath, web.html);
  await writeFile(textPath, web.text);
  return { compiled, articleCount: rows.length, htmlPath, textPath };
}

/** The configured transport, the dry-run one, or the outbox under the data directory. */
export function openMailer(ctx: Context, options: { dryRun?: boolean } = {}): Mailer {
  if (options.dryRun) return createDryRunMailer();
  const outboxDir = path.resolve(
    ctx.loaded.baseDir,
    ctx.config.transport.type === "outbox" && ctx.config.transport.dir
      ? ctx.config.transport.dir
      : path.join(ctx.loaded.dataDir, "outbox"),
  );
  return createMailer(ctx.config.transport, { outboxDir });
}

/** send: create the issue's ledger (idempotent) and deliver every row still pending. */
export async function sendStage(
  ctx: Context,
  list: ListConfig,
  issue: IssueRow,
  compiled: CompiledIssue,
  mailer: Mailer,
): Promise<SendReport> {
  const id = await listId(ctx, list);
  const from = formatAddress(ctx.config.sender.from);
  const domain = domainOf(from);
  const host = new URL(ctx.config.newsletter.baseUrl).hostname;
  await ctx.store.issues.setSubject(issue.id, compiled.subject);
  await ctx.store.deliveries.createLedger({
    issueId: issue.id,
    listId: id,
    now: ctx.clock.now(),
    messageIdFor: (subscriberId) =>
      messageIdFor({ installId: ctx.installId, issueId: issue.id, subscriberId, domain }),
  });
  return sendIssue({
    store: ctx.store,
    mailer,
    issue: { id: issue.id, listId: id },
    fill: (recipient) => compiled.fill(recipient),
    unsubscribeUrl: (subscriberId) =>
      unsubscribeUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    envelope: (delivery) => ({
      from,
      replyTo: ctx.config.sender.replyTo ? formatAddress(ctx.config.sender.replyTo) : undefined,
      listId: `${list.name} <${list.id}.${host}>`,
      unsubscribe: {
        url: unsubscribeUrl(
          ctx.config.newsletter.baseUrl,
          ctx.signingKey,
          id,
          delivery.subscriber_id,
        ),
        mailto: ctx.config.sender.unsubscribeMailto,
      },
      headers: {
        "X-Gazette-Issue": `${list.id}/${issue.number}`,
        "X-Gazette-Subscriber": String(delivery.subscriber_id),
      },
    }),
    now: () => ctx.clock.now(),
  });
}

/** The list with this id, or a usage error naming the lists there are. */
export function findList(ctx: Context, id: string | undefined): ListConfig {
  const lists = ctx.config.lists;
  if (id === undefined) {
    if (lists.length === 1) return lists[0] as ListConfig;
    throw new GazetteError(
      "USAGE",
      `several lists are configured; pick one with --list (${lists.map((l) => l.id).join(", ")})`,
    );
  }
  const found = lists.find((list) => list.id === id);
  if (!found)
    throw new GazetteError(
      "USAGE",
      `no list "${id}" in the config (lists: ${lists.map((l) => l.id).join(", ")})`,
    );
  return found;
}
