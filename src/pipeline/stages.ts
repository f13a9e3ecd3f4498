import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { preferencesUrl, unsubscribeUrl } from "../audience/links.js";
import { sealSubscriberRef } from "../audience/subscriber-ref.js";
import { type ComposeResult, composeIssue } from "../compose/compose-issue.js";
import { toIssueModel } from "../compose/to-issue-model.js";
import { type ListConfig, parseDuration } from "../config/index.js";
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
import type { IssueRow } from "../store/index.js";
import type { Context } from "./context.js";
import { listNumber } from "./find-list.js";
import { renderOptionsOf, renderSegments, themeDirOf } from "./render-segments.js";

// Moved to find-list.ts, which the CLI loads without the stages; re-exported for their callers.
export { findList, listNumber } from "./find-list.js";

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
  return composeIssue(ctx.store, list, listNumber(ctx, list), ctx.clock.now());
}

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
  } = {},
): Promise<SendReport> {
  const id = listNumber(ctx, list);
  const frame = outgoingFrame(ctx.config, list);
  const { domain } = frame;
  // Before the ledger exists: a send that cannot go out right creates no delivery row.
  assertPostalAddress(ctx.config.newsletter.postalAddress);
  await checkTheme(themeDirOf(ctx, list), list.subject);
  await ctx.store.issues.setSubject(issue.id, compiled.subject);
  const deliveryIdFor = (subscriberId: number) =>
    messageIdFor({ installId: ctx.installId, issueId: issue.id, subscriberId, domain });
  // A dry run records nothing, not even the ledger.
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
    fill: (await renderSegments(ctx, list, id, issue, compiled)).fill,
    unsubscribeUrl: (subscriberId) =>
      unsubscribeUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    preferencesUrl: (subscriberId) =>
      preferencesUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    subscriberRef: (subscriberId) => sealSubscriberRef(ctx.signingKey, subscriberId),
    message: {
      from: frame.from,
      ...(frame.replyTo && { replyTo: frame.replyTo }),
      subject: compiled.subject,
      listIdHeader: frame.listIdHeader,
      ...(frame.unsubscribeMailto && { unsubscribeMailto: frame.unsubscribeMailto }),
      headers: {
        "X-Gazette-Issue": `${list.id}/${issue.number}`,
        "Feedback-ID": feedbackIdFor({
          issueNumber: issue.number,
          listSlug: list.id,
          installId: ctx.installId,
        }),
      },
    },
    messageIdFor: deliveryIdFor,
    options: toDeliveryOptions(ctx.config.delivery, ctx.config.transport),
    now: () => ctx.clock.now(),
    ...(extra.limiter && { limiter: extra.limiter }),
    ...(extra.signal && { signal: extra.signal }),
  });
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
