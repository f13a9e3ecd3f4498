import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { plusAddress, signAddressToken } from "../audience/address-tokens.js";
import { preferencesUrl, unsubscribeUrl } from "../audience/links.js";
import { sealSubscriberRef } from "../audience/subscriber-ref.js";
import { type ComposeResult, composeIssue } from "../compose/compose-issue.js";
import { previewIssue } from "../compose/preview-issue.js";
import { toIssueModel } from "../compose/to-issue-model.js";
import { advertisedMailto, type ListConfig, parseDuration } from "../config/index.js";
import type { RateLimiter } from "../deliver/engine/rate-limiter.js";
import { type SendReport, sendIssue } from "../deliver/engine/send-issue.js";
import { outgoingFrame } from "../deliver/frame.js";
import {
  createTransport,
  feedbackIdFor,
  loadDkimOptions,
  messageIdFor,
  toDeliveryOptions,
} from "../deliver/index.js";
import { checkIssueMessage, type IssueMessage } from "../deliver/mime/message-template.js";
import type { Transport } from "../deliver/transports/types.js";
import {
  type EnrichOptions,
  type EnrichReport,
  enrichArticles,
} from "../enrich/enrich-articles.js";
import { createSummarizer, type Summarizer } from "../enrich/index.js";
import { type CollectOptions, type CollectReport, collectFeeds } from "../ingest/collect-feeds.js";
import { type CompiledIssue, checkTheme, renderIssue, type SizeReport } from "../render/index.js";
import { GazetteError } from "../shared/errors.js";
import type { IssueArticleRow, IssueRow } from "../store/index.js";
import type { Context } from "./context.js";
import { listId } from "./find-list.js";
import { renderOptionsOf, renderSegments, themeDirOf } from "./render-segments.js";

// Moved to find-list.ts, which the CLI loads without the stages; re-exported for their callers.
export { findList, listId } from "./find-list.js";

/** collect: fetch every feed that is due and store its new and changed articles. */
export function collectStage(ctx: Context, options: CollectOptions = {}): Promise<CollectReport> {
  return collectFeeds(ctx.store, ctx.config, () => ctx.clock.now(), {
    pool: ctx.parsePool(),
    baseDir: ctx.loaded.baseDir,
    ...options,
  });
}

/**
 * enrich: summarize the articles any list could still use (within the longest look-back) with
 * the configured summarizer; `force` redoes those already done, `articleId` picks one article,
 * `articles` takes those (a worker's claim).
 */
export function enrichStage(
  ctx: Context,
  options: Pick<EnrichOptions, "force" | "articleId" | "articles"> = {},
): Promise<EnrichReport> {
  return enrichArticles(ctx.store, openSummarizer(ctx), {
    ...options,
    since: enrichSince(ctx),
    now: () => ctx.clock.now(),
  });
}

/** The oldest date any list could still use (the longest look-back): enrich leaves older ones. */
export function enrichSince(ctx: Context): Date {
  const longest = Math.max(...ctx.config.lists.map((list) => parseDuration(list.lookback)));
  return new Date(ctx.clock.now().getTime() - longest);
}

/** The configured summarizer; a new one carries a new run budget (summarizer.maxArticles…). */
export function openSummarizer(ctx: Context): Summarizer {
  return createSummarizer(ctx.config.summarizer, {
    env: ctx.env,
    templatesDir: ctx.loaded.templatesDir,
  });
}

/** compose: the list's next issue, or the unfinished one. */
export async function composeStage(ctx: Context, list: ListConfig): Promise<ComposeResult> {
  return composeIssue(ctx.store, list, await listId(ctx, list), ctx.clock.now());
}

export interface RenderOutput {
  compiled: CompiledIssue;
  articleCount: number;
  /** The email's HTML size, and how many articles were cut to fit the budget. */
  size: SizeReport;
  htmlPath: string;
  textPath: string;
}

/** What compose gives, with the articles of a dry run's issue (which is not stored). */
export type DryRunCompose =
  | Exclude<ComposeResult, { kind: "composed" }>
  | (Extract<ComposeResult, { kind: "composed" }> & { rows?: IssueArticleRow[] });

/** compose for `run --dry-run`: the unfinished issue, else the next one as compose would make it now, saved nowhere. */
export async function composeForDryRun(ctx: Context, list: ListConfig): Promise<DryRunCompose> {
  const id = await listId(ctx, list);
  const next = await previewIssue(ctx.store, ctx.config, list, id, ctx.clock.now());
  if (next.kind === "stored") return { kind: "resumed", issue: next.issue };
  const choice = next.kind === "next" ? next.choice : undefined;
  const shown = choice ? choice.cards.length + choice.alsoPublished.length : 0;
  if (next.kind !== "next" || !choice || shown === 0 || shown < list.minArticles) {
    const articles = shown === 1 ? "1 new article" : `${shown} new articles`;
    return {
      kind: "skipped",
      reason: `${articles} since the last issue (minimum ${Math.max(1, list.minArticles)})`,
    };
  }
  return {
    kind: "composed",
    issue: next.issue,
    articleCount: choice.cards.length,
    alsoPublished: choice.alsoPublished.length,
    merged: choice.merged.length,
    repeats: choice.repeats.length,
    otherLanguages: choice.otherLanguages,
    rows: next.rows,
  };
}

/** The issue compiled once, without writing anything; `rows` for an issue that is not stored. */
export async function compileStage(
  ctx: Context,
  list: ListConfig,
  issue: IssueRow,
  rows?: IssueArticleRow[],
): Promise<Omit<RenderOutput, "htmlPath" | "textPath">> {
  const articles = rows ?? (await ctx.store.issues.articles(issue.id));
  const model = toIssueModel(ctx.config, list, issue, articles);
  const compiled = await renderIssue(model, renderOptionsOf(ctx, list));
  return { compiled, articleCount: articles.length, size: compiled.size };
}

/** render: compile the issue once and write its web version (no personal data) to files. */
export async function renderStage(
  ctx: Context,
  list: ListConfig,
  issue: IssueRow,
): Promise<RenderOutput> {
  const { compiled, articleCount, size } = await compileStage(ctx, list, issue);
  const dir = path.join(ctx.loaded.dataDir, "issues", list.id);
  await mkdir(dir, { recursive: true });
  const web = compiled.webVersion();
  const htmlPath = path.join(dir, `${issue.number}.html`);
  const textPath = path.join(dir, `${issue.number}.txt`);
  await writeFile(htmlPath, web.html);
  await writeFile(textPath, web.text);
  return { compiled, articleCount, size, htmlPath, textPath };
}

/** The configured transport (see deliver/transports/registry.ts), signing with the DKIM key. */
export function openTransport(ctx: Context): Promise<Transport> {
  const dkimConfig = ctx.config.delivery.dkim;
  const dkim = dkimConfig
    ? loadDkimOptions(dkimConfig, { baseDir: ctx.loaded.baseDir, env: ctx.env })
    : undefined;
  return createTransport(ctx.config.transport, {
    baseDir: ctx.loaded.baseDir,
    dataDir: ctx.loaded.dataDir,
    env: ctx.env,
    ...(dkim && { dkim }),
  });
}

/** The outbox folder: `transport.dir` (relative to the config file's folder), else `<dataDir>/outbox`. */
export function outboxDirOf(ctx: Context): string {
  return path.resolve(
    ctx.loaded.baseDir,
    ctx.config.transport.type === "outbox" && ctx.config.transport.dir
      ? ctx.config.transport.dir
      : path.join(ctx.loaded.dataDir, "outbox"),
  );
}

/** send: create the issue's ledger (idempotent) and deliver every row still pending. */
export async function sendStage(
  ctx: Context,
  list: ListConfig,
  issue: IssueRow,
  compiled: CompiledIssue,
  transport: Transport,
  extra: {
    limiter?: RateLimiter;
    signal?: AbortSignal;
    hasLedger?: boolean;
    /** A dry run builds every message and records nothing (see SendIssueInput.mode). */
    mode?: "send" | "dry-run";
    /** The articles of an issue that is not stored (a dry run's). */
    rows?: IssueArticleRow[];
  } = {},
): Promise<SendReport> {
  const id = await listId(ctx, list);
  const frame = outgoingFrame(ctx.config, list);
  const { domain } = frame;
  // Before the ledger exists: a send that cannot go out right creates no delivery row.
  assertPostalAddress(ctx.config.newsletter.postalAddress);
  await checkTheme(themeDirOf(ctx, list), list.subject);
  const message: IssueMessage = {
    from: frame.from,
    ...(frame.replyTo && { replyTo: frame.replyTo }),
    subject: compiled.subject,
    listId: frame.listId,
    ...(frame.unsubscribeMailto && { unsubscribeMailto: frame.unsubscribeMailto }),
    headers: {
      "X-Gazette-Issue": `${list.id}/${issue.number}`,
      "Feedback-ID": feedbackIdFor({
        issueNumber: issue.number,
        listId: list.id,
        installId: ctx.installId,
      }),
    },
  };
  // Every header of the issue is checked while it is still a draft: one that cannot go out
  // (issue 14: a NUL in a title) must never leave an issue `sending` with nothing sendable.
  checkIssueMessage(message);
  // A dry run records nothing: not the subject, not the ledger.
  if (extra.mode !== "dry-run") await ctx.store.issues.setSubject(issue.id, compiled.subject);
  const deliveryIdFor = (subscriberId: number) =>
    messageIdFor({ installId: ctx.installId, issueId: issue.id, subscriberId, domain });
  // A worker sends issues already `sending`: their ledger exists, re-walking the list costs a page per 500 members.
  if (extra.mode !== "dry-run" && !extra.hasLedger) {
    await ctx.store.deliveries.createLedger({
      issueId: issue.id,
      listId: id,
      now: ctx.clock.now(),
      messageIdFor: deliveryIdFor,
    });
  }
  return sendIssue({
    store: ctx.store,
    transport,
    ...(extra.mode && { mode: extra.mode }),
    issue: { id: issue.id, listId: id },
    fill: (await renderSegments(ctx, list, id, issue, compiled, extra.rows)).fill,
    unsubscribeUrl: (subscriberId) =>
      unsubscribeUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    preferencesUrl: (subscriberId) =>
      preferencesUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    subscriberRef: (subscriberId) => sealSubscriberRef(ctx.signingKey, subscriberId),
    message,
    messageIdFor: deliveryIdFor,
    ...(ctx.config.sender.returnPath
      ? { returnPathFor: verpFor(ctx, ctx.config.sender.returnPath, issue.id) }
      : {}),
    options: toDeliveryOptions(ctx.config.delivery, ctx.config.transport),
    now: () => ctx.clock.now(),
    ...(extra.limiter && { limiter: extra.limiter }),
    ...(extra.signal && { signal: extra.signal }),
  });
}

/**
 * VERP: `local+<token>@domain` per delivery, the token signed (issue and subscriber, base 36, and
 * an HMAC), so a bounce sent to it names its delivery even when it quotes nothing.
 */
function verpFor(ctx: Context, returnPath: string, issueId: number) {
  return (subscriberId: number) =>
    plusAddress(
      returnPath,
      signAddressToken({ tag: "r", a: issueId, subscriberId }, ctx.signingKey),
    );
}

/** Anti-spam law wants a postal address in every bulk email; `${VAR:-}` can leave it blank. */
function assertPostalAddress(address: string): void {
  if (address.trim() === "") {
    throw new GazetteError(
      "CONFIG_INVALID",
      "newsletter.postalAddress is blank: a bulk send needs a postal address in every footer",
    );
  }
}
