import { applyMailEvent, findAddressToken, type MailEvent } from "../audience/index.js";
import { type InboxConfig, parseDuration } from "../config/index.js";
import {
  type Classification,
  classifyMessage,
  type FetchedMessage,
  type MessageKind,
  type MessageVerdict,
  readMailbox,
} from "../inbox/index.js";
import type { MailEventOutcome } from "../store/index.js";
import type { Context } from "./context.js";

/** What one pass over the mailbox did. */
export interface InboxReport {
  found: number;
  kinds: Partial<Record<MessageKind, number>>;
  outcomes: Partial<Record<MailEventOutcome, number>>;
  /** Messages left unseen for the next pass (an error while applying, a dropped connection). */
  failed: number;
}

/**
 * One pass over the bounce mailbox: every unseen message is classified, tied to its delivery
 * (the signed token of its VERP address or of the Message-ID it quotes) or membership (the
 * mailto token), and its effect applied by applyMailEvent; then it is marked seen. Auto-replies,
 * other mail and reports without a token are marked seen and counted, nothing more.
 */
export async function readInbox(
  ctx: Context,
  options: { print: (line: string) => void },
): Promise<InboxReport> {
  const inbox = ctx.config.inbox;
  const report: InboxReport = { found: 0, kinds: {}, outcomes: {}, failed: 0 };
  if (!inbox) {
    options.print("Inbox: no mailbox configured (`inbox:` in the config); nothing read.");
    return report;
  }
  const handle = (message: FetchedMessage) => handleMessage(ctx, message, report, options.print);
  const pass = await readMailbox(mailboxSettings(inbox), handle, options.print);
  report.found = pass.found;
  report.failed = pass.kept + (pass.found - pass.done - pass.kept);
  options.print(formatInboxReport(report));
  return report;
}

/** Passes every `inbox.interval` until the signal aborts. */
export async function watchInbox(
  ctx: Context,
  options: { print: (line: string) => void; signal: AbortSignal },
): Promise<void> {
  const interval = parseDuration(ctx.config.inbox?.interval ?? "1m");
  while (!options.signal.aborted) {
    await readInbox(ctx, options);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, interval);
      options.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

async function handleMessage(
  ctx: Context,
  message: FetchedMessage,
  report: InboxReport,
  print: (line: string) => void,
): Promise<MessageVerdict> {
  if (message.isTruncated)
    print(
      `inbox: message ${message.uid} is ${megabytes(message.size)}; its first ${megabytes(message.raw.length)} were read`,
    );
  const found = await classify(ctx, message, print);
  report.kinds[found.kind] = (report.kinds[found.kind] ?? 0) + 1;
  if (found.kind === "auto-reply" || found.kind === "other") return "done";
  const event = toEvent(ctx, found, message);
  if (!event) {
    // Anyone can write a bounce, a complaint or an unsubscribe naming anyone: without the signed
    // token of a message Gazette sent, it is nobody's.
    report.outcomes.unknown = (report.outcomes.unknown ?? 0) + 1;
    print(
      `inbox: message ${message.uid}: ${found.kind} for ${found.recipient ?? "no address"}${
        found.messageId ? ` (Message-ID <${found.messageId}>)` : ""
      } names no delivery or subscriber of this newsletter by a signed token; nothing changed`,
    );
    return "done";
  }
  const result = await applyMailEvent(ctx.store, event, {
    maxBounces: ctx.config.delivery.maxBounces,
  });
  report.outcomes[result.outcome] = (report.outcomes[result.outcome] ?? 0) + 1;
  if (result.outcome === "unknown")
    print(
      `inbox: message ${message.uid}: ${found.kind} for ${found.recipient ?? "no address"} names a delivery or subscriber this newsletter no longer has; recorded, nothing changed`,
    );
  return "done";
}

/**
 * The message's classification. Classifying touches nothing but the message, so a message it
 * cannot read (more MIME parts or header bytes than mailparser allows) is unreadable for good:
 * counted as other and marked seen, never read again on every pass.
 */
async function classify(
  ctx: Context,
  message: FetchedMessage,
  print: (line: string) => void,
): Promise<Classification> {
  const mailto = ctx.config.sender.unsubscribeMailto;
  try {
    return await classifyMessage(message.raw, { unsubscribeAddresses: mailto ? [mailto] : [] });
  } catch (error) {
    print(
      `inbox: message ${message.uid} is not a readable email (${
        error instanceof Error ? error.message : String(error)
      }); marked seen, nothing changed`,
    );
    return { kind: "other", addressedTo: [], subject: "" };
  }
}

/**
 * The event a bounce, complaint or unsubscribe stands for, or undefined when it carries no proof:
 * a signed token of a message Gazette sent — the delivery's, in the VERP address it came back
 * to or in the Message-ID it quotes, or the membership's, in the mailto address or subject. The
 * token, never an address the message names, says whom the event is about.
 */
function toEvent(
  ctx: Context,
  found: Classification,
  message: FetchedMessage,
): MailEvent | undefined {
  const kind = found.kind;
  if (kind === "auto-reply" || kind === "other") return undefined;
  const keys = ctx.signingKeys.all;
  const common = {
    kind,
    source: kind === "unsubscribe" ? "mailto" : "inbox",
    eventId: found.ownMessageId ?? message.key,
    at: ctx.clock.now(),
    ...(found.status ? { status: found.status } : {}),
    ...(found.detail || found.reason ? { detail: found.detail ?? found.reason } : {}),
  };
  if (kind === "unsubscribe") {
    const token =
      found.addressedTo.map((to) => findAddressToken(to, keys, "u")).find(Boolean) ??
      findAddressToken(found.subject, keys, "u");
    if (!token) return undefined;
    return { ...common, membership: { listId: token.a, subscriberId: token.subscriberId } };
  }
  const token =
    found.addressedTo.map((to) => findAddressToken(to, keys, "r")).find(Boolean) ??
    (found.messageId ? findAddressToken(found.messageId, keys, "r") : undefined);
  if (!token) return undefined;
  return { ...common, delivery: { issueId: token.a, subscriberId: token.subscriberId } };
}

export function formatInboxReport(report: InboxReport): string {
  const kinds = Object.entries(report.kinds).map(([kind, n]) => `${n} ${kind}`);
  const outcomes = Object.entries(report.outcomes).map(([outcome, n]) => `${n} ${outcome}`);
  return `Inbox: ${report.found} message${report.found === 1 ? "" : "s"}${
    kinds.length > 0 ? ` (${kinds.join(", ")})` : ""
  }; ${outcomes.length > 0 ? outcomes.join(", ") : "no effect"}; ${report.failed} left unseen`;
}

function mailboxSettings(inbox: InboxConfig) {
  return {
    host: inbox.host,
    port: inbox.port ?? (inbox.secure ? 993 : 143),
    secure: inbox.secure,
    user: inbox.user,
    password: inbox.password,
    mailbox: inbox.mailbox,
    maxMessageBytes: inbox.maxMessageBytes,
    rejectUnauthorized: inbox.tls?.rejectUnauthorized ?? true,
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}
