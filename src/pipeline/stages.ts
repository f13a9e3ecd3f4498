import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { plusAddress, signAddressToken } from "../audience/address-tokens.js";
import { preferencesUrl, unsubscribeUrl } from "../audience/links.js";
import { sealSubscriberRef } from "../audience/subscriber-ref.js";
import { type ComposeResult, composeIssue } from "../compose/compose-issue.js";
import { toIssueModel } from "../compose/to-issue-model.js";
import { advertisedMailto, type ListConfig, parseDuration } from "../config/index.js";
import type { RateLimiter } from "../deliver/engine/rate-limiter.js";
import { type SendReport, sendIssue } from "../deliver/engine/send-issue.js";
import {
  createDryRunMailer,
  createMailer,
  domainOf,
  feedbackIdFor,
  loadDkimOptions,
  messageIdFor,
  toDeliveryOptions,
} from "../deliver/index.js";
import { formatAddress } from "../deliver/mime/format-address.js";
import type { Mailer } from "../deliver/transports/types.js";
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
import { listId } from "./find-list.js";
import { renderOptionsOf, renderSegments, themeDirOf } from "./render-segments.js";

// Moved to find-list.ts, which the CLI loads without the stages; re-exported for their callers.
export { findList, listId } from "./find-list.js";

/** collect: fetch every feed that is due and store its new and changed articles. */
export function collectStage(ctx: Context, options: CollectOptions = {}): Promise<CollectReport> {
  return collectFeeds(ctx.store, ctx.config, () => ctx.clock.now(), {
    pool: ctx.parsePool(),
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
    env: process.env,
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

/** The configured transport, the dry-run one, or the outbox under the data directory. */
export function openMailer(ctx: Context, options: { dryRun?: boolean } = {}): Mailer {
  const dkimConfig = ctx.config.delivery.dkim;
  const dkim = dkimConfig
    ? loadDkimOptions(dkimConfig, { baseDir: ctx.loaded.baseDir, env: process.env })
    : undefined;
  if (options.dryRun) return createDryRunMailer({ dkim });
  const outboxDir = path.resolve(
    ctx.loaded.baseDir,
    ctx.config.transport.type === "outbox" && ctx.config.transport.dir
      ? ctx.config.transport.dir
      : path.join(ctx.loaded.dataDir, "outbox"),
  );
  return createMailer(ctx.config.transport, { outboxDir, dkim });
}

/** send: create the issue's ledger (idempotent) and deliver every row still pending. */
export async function sendStage(
  ctx: Context,
  list: ListConfig,
  issue: IssueRow,
  compiled: CompiledIssue,
  mailer: Mailer,
  extra: { limiter?: RateLimiter; signal?: AbortSignal; hasLedger?: boolean } = {},
): Promise<SendReport> {
  const id = await listId(ctx, list);
  const sender = list.sender ?? ctx.config.sender;
  const from = formatAddress(sender.from);
  const domain = domainOf(from);
  const host = new URL(ctx.config.newsletter.baseUrl).hostname;
  // Before the ledger exists: a send that cannot go out right creates no delivery row.
  assertPostalAddress(ctx.config.newsletter.postalAddress);
  await checkTheme(themeDirOf(ctx, list), list.subject);
  await ctx.store.issues.setSubject(issue.id, compiled.subject);
  const deliveryIdFor = (subscriberId: number) =>
    messageIdFor({ installId: ctx.installId, issueId: issue.id, subscriberId, domain });
  // A dry run records nothing, not even the ledger.
  // A worker sends issues already `sending`: their ledger exists, re-walking the list costs a page per 500 members.
  if (!mailer.isDryRun && !extra.hasLedger) {
    await ctx.store.deliveries.createLedger({
      issueId: issue.id,
      listId: id,
      now: ctx.clock.now(),
      messageIdFor: deliveryIdFor,
    });
  }
  return sendIssue({
    store: ctx.store,
    mailer,
    issue: { id: issue.id, listId: id },
    fill: (await renderSegments(ctx, list, id, issue, compiled)).fill,
    unsubscribeUrl: (subscriberId) =>
      unsubscribeUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    preferencesUrl: (subscriberId) =>
      preferencesUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    subscriberRef: (subscriberId) => sealSubscriberRef(ctx.signingKey, subscriberId),
    message: {
      from,
      replyTo: sender.replyTo ? formatAddress(sender.replyTo) : undefined,
      subject: compiled.subject,
      listId: `${list.name} <${list.id}.${host}>`,
      unsubscribeMailto: advertisedMailto(ctx.config),
      headers: {
        "X-Gazette-Issue": `${list.id}/${issue.number}`,
        "Feedback-ID": feedbackIdFor({
          issueNumber: issue.number,
          listId: list.id,
          installId: ctx.installId,
        }),
      },
    },
    messageIdFor: deliveryIdFor,
    ...(advertisedMailto(ctx.config)
      ? { unsubscribeMailtoFor: mailtoFor(ctx, advertisedMailto(ctx.config) as string, id) }
      : {}),
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

/** The mailto with the membership's signed token (`local+u…@domain`): it names who unsubscribes. */
function mailtoFor(ctx: Context, mailto: string, listId: number) {
  return (subscriberId: number) =>
    plusAddress(mailto, signAddressToken({ tag: "u", a: listId, subscriberId }, ctx.signingKey));
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
