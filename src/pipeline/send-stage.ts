import {
  plusAddress,
  preferencesUrl,
  sealSubscriberRef,
  signAddressToken,
  unsubscribeUrl,
} from "../audience/index.js";
import type { Issue, IssueArticle } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import type { RateLimiter, Transport } from "../deliver/index.js";
import {
  advertisedMailto,
  checkIssueMessage,
  createTransport,
  feedbackIdFor,
  type IssueMessage,
  loadDkimOptions,
  messageIdFor,
  outgoingFrame,
  type SendReport,
  sendIssue,
  toDeliveryOptions,
} from "../deliver/index.js";
import { type CompiledIssue, checkTheme } from "../render/index.js";
import { GazetteError } from "../shared/errors.js";
import type { Context } from "./context.js";
import { listNumber } from "./find-list.js";
import { renderSegments, themeDirOf } from "./render-segments.js";

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
  issue: Issue,
  compiled: CompiledIssue,
  transport: Transport,
  extra: {
    limiter?: RateLimiter;
    signal?: AbortSignal;
    hasLedger?: boolean;
    /** A dry run builds every message and records nothing (see SendIssueInput.mode). */
    mode?: "send" | "dry-run";
    /** The articles of an issue that is not stored (a dry run's). */
    articles?: IssueArticle[];
  } = {},
): Promise<SendReport> {
  const id = listNumber(ctx, list);
  const frame = outgoingFrame(ctx.config, list);
  const { domain } = frame;
  // Before the ledger exists: a send that cannot go out right creates no delivery row.
  assertPostalAddress(ctx.config.newsletter.postalAddress);
  const message: IssueMessage = {
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
  };
  // Every header of the issue is checked while it is still a draft: one that cannot go out
  // (issue 14: a NUL in a title) must never leave an issue `sending` with nothing sendable.
  checkIssueMessage(message);
  // Rendered in the MJML thread while the ledger is written, which is committed only if it passes.
  // Started after the checks that throw: from here on it is always awaited (or taken by keepIf).
  const themeChecked = checkTheme(themeDirOf(ctx, list), list.subject);
  const deliveryIdFor = (subscriberId: number) =>
    messageIdFor({
      installId: ctx.installId,
      issueId: issue.id,
      subscriberId,
      domain,
      seal: deliveryToken(ctx, issue.id, subscriberId),
    });
  // A worker sends issues already `sending`: their ledger exists, re-walking the list costs a page per 500 members.
  if (extra.mode !== "dry-run" && !extra.hasLedger) {
    await ctx.store.deliveries.createLedger({
      issueId: issue.id,
      listId: id,
      now: ctx.clock.now(),
      messageIdFor: deliveryIdFor,
      keepIf: themeChecked,
    });
  } else {
    await themeChecked;
  }
  // A dry run records nothing: not the subject, not the ledger.
  if (extra.mode !== "dry-run") await ctx.store.issues.setSubject(issue.id, compiled.subject);
  const segments = await renderSegments(ctx, list, id, issue, compiled, extra.articles);
  // Before any claim: a subscriber whose topics match nothing in this issue gets no email.
  if (extra.mode !== "dry-run") {
    for (const { emails, reason } of segments.skipped)
      await ctx.store.deliveries.skipPending(issue.id, emails, reason, ctx.clock.now());
  }
  return sendIssue({
    ledger: ctx.store.sendLedger,
    transport,
    ...(extra.mode && { mode: extra.mode }),
    issue: { id: issue.id, listId: id },
    fill: segments.fill,
    unsubscribeUrl: (subscriberId) =>
      unsubscribeUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    preferencesUrl: (subscriberId) =>
      preferencesUrl(ctx.config.newsletter.baseUrl, ctx.signingKey, id, subscriberId),
    subscriberRef: (subscriberId) => sealSubscriberRef(ctx.signingKey, subscriberId),
    message,
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
    plusAddress(returnPath, deliveryToken(ctx, issueId, subscriberId));
}

/** The delivery's signed token, in its VERP address and its Message-ID: what a report proves itself by. */
function deliveryToken(ctx: Context, issueId: number, subscriberId: number): string {
  return signAddressToken({ tag: "r", a: issueId, subscriberId }, ctx.signingKey);
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
