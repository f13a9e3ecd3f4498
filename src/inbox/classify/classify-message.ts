import { type ParsedMail, simpleParser } from "mailparser";
import { isHardReason, reasonFromStatus, reasonFromText } from "./bounce-reason.js";
import { classifyNotice, isChallenge, noticeRecipient } from "./classify-notice.js";
import { readEmbeddedHeaders } from "./embedded-headers.js";
import { ADDRESS_LIKE, addressOfField, readFieldGroups, STATUS_CODE } from "./report-fields.js";
import { readSesNotification } from "./ses-notification.js";

/** What the inbox makes of one message (issue 18 #7's kinds). */
export type MessageKind =
  | "hard-bounce"
  | "soft-bounce"
  | "complaint"
  | "auto-reply"
  | "unsubscribe"
  | "other";

export interface Classification {
  kind: MessageKind;
  /** The failed recipient, the complainant, or who asked to unsubscribe. */
  recipient?: string;
  /** RFC 3463 status code, when the message gives one. */
  status?: string;
  /** The Message-ID of the message Gazette sent (no angle brackets), when the report quotes it. */
  messageId?: string;
  /** Why: the bounce reason, the feedback type, what marked an auto-reply. */
  reason?: string;
  /** The receiving server's words (Diagnostic-Code or the notice's line), for the operator. */
  detail?: string;
  /** The message's own Message-ID (no angle brackets): reading it again is the same event. */
  ownMessageId?: string;
  /** Where the message was addressed (To, Delivered-To, X-Original-To…): VERP and mailto tokens. */
  addressedTo: string[];
  subject: string;
}

export interface ClassifyOptions {
  /** Mailto unsubscribe addresses (plus-addressed variants included): mail to them unsubscribes. */
  unsubscribeAddresses?: readonly string[];
}

/**
 * Classifies a raw message. Order: an ARF report (RFC 5965) → an email service's JSON
 * notification → an RFC 3464 DSN → an unsubscribe request → an auto-reply or delay notice →
 * a bounce without a DSN part (the notice's own words) → other. DSNs come before auto-replies
 * because many DSNs carry `Auto-Submitted: auto-replied` too.
 */
export async function classifyMessage(
  raw: Buffer | string,
  options: ClassifyOptions = {},
): Promise<Classification> {
  const mail = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  // A message whose MIME structure does not parse (a wrong boundary) is read as plain text.
  if (!mail.text && mail.attachments.length === 0) mail.text = bodyOf(raw);
  const base = baseOf(mail);
  return { ...base, ...decide(mail, base, options) };
}

type Decision = Omit<Classification, "addressedTo" | "subject" | "ownMessageId">;

function decide(mail: ParsedMail, base: Classification, options: ClassifyOptions): Decision {
  const embedded = readEmbeddedHeaders(mail);
  const messageId = embedded.messageId;
  const withId = messageId ? { messageId } : {};
  const arf = partText(mail, ["message/feedback-report"]);
  if (arf !== undefined) {
    const fields = readFieldGroups(arf)[0] ?? new Map<string, string>();
    const type = (fields.get("feedback-type") ?? "abuse").toLowerCase();
    const recipient =
      addressOfField(fields.get("original-rcpt-to")) ??
      addressOfField(fields.get("removal-recipient")) ??
      embedded.to;
    // auth-failure is a DMARC/SPF failure report about the domain, not a reader's complaint.
    return {
      kind: type === "auth-failure" ? "other" : "complaint",
      reason: type,
      ...(recipient ? { recipient } : {}),
      ...withId,
    };
  }
  // Hotmail/Outlook.com JMRP: the complained-of message attached to a "complaint about" note.
  if (/complaint about message|abuse report/i.test(base.subject) && embedded.to)
    return {
      kind: "complaint",
      reason: "abuse",
      ...(embedded.to ? { recipient: embedded.to } : {}),
      ...withId,
    };
  const ses = readSesNotification(mail.text ?? "");
  if (ses) return { ...ses, ...(ses.messageId ? {} : withId) };
  const dsn =
    partText(mail, ["message/delivery-status", "message/global-delivery-status"]) ??
    (/^Final-Recipient:/im.test(mail.text ?? "") ? mail.text : undefined);
  if (isChallenge(base.subject, `${notice(mail)}\n${dsn ?? ""}`))
    return { kind: "auto-reply", reason: "challenge-response" };
  if (dsn !== undefined) {
    const decision = fromDsn(dsn, notice(mail));
    if (decision) return { ...decision, ...withId };
  }
  if (isUnsubscribe(mail, base, options)) {
    const from = mail.from?.value[0]?.address;
    return { kind: "unsubscribe", ...(from ? { recipient: from } : {}) };
  }
  const byNotice = classifyNotice(mail, notice(mail));
  if (byNotice.kind === "auto-reply" || byNotice.kind === "other") return byNotice;
  return { ...byNotice, ...withId };
}

/** A DSN's verdict from its per-recipient fields, or undefined when it names no recipient. */
function fromDsn(text: string, noticeText: string): Decision | undefined {
  const groups = readFieldGroups(text);
  const recipients = groups.filter((g) => g.has("final-recipient") || g.has("original-recipient"));
  if (recipients.length === 0) return undefined;
  const failed = recipients.find((g) => /fail/i.test(g.get("action") ?? "")) ?? undefined;
  const chosen = failed ?? recipients[0];
  if (!chosen) return undefined;
  const action = (chosen.get("action") ?? "").toLowerCase();
  const recipient =
    addressOfField(chosen.get("original-recipient")) ??
    addressOfField(chosen.get("final-recipient"));
  const status = STATUS_CODE.exec(chosen.get("status") ?? "")?.[0];
  const diagnostic = chosen.get("diagnostic-code")?.replace(/^smtp;\s*/i, "");
  const common = {
    ...(recipient ? { recipient } : {}),
    ...(status ? { status } : {}),
    ...(diagnostic ? { detail: diagnostic } : {}),
  };
  // A delay (Action: delayed) or a success report is never a bounce.
  if (!failed && /delayed|delivered|relayed|expanded/.test(action))
    return { kind: "other", reason: action, ...common };
  const reason =
    reasonFromText(diagnostic) ??
    reasonFromStatus(status) ??
    reasonFromText(noticeText) ??
    (status?.startsWith("2") ? undefined : "undefined");
  if (!reason) return { kind: "other", reason: "delivered", ...common };
  return { kind: isHardReason(reason) ? "hard-bounce" : "soft-bounce", reason, ...common };
}

function isUnsubscribe(mail: ParsedMail, base: Classification, options: ClassifyOptions): boolean {
  // Apple Mail's "Unsubscribe" button writes to the List-Unsubscribe mailto and marks it so.
  if (String(mail.headers.get("x-apple-unsubscribe") ?? "").toLowerCase() === "true") return true;
  const targets = (options.unsubscribeAddresses ?? []).map((a) => a.toLowerCase());
  if (base.addressedTo.some((to) => targets.some((t) => isSameMailbox(to, t)))) return true;
  const from = mail.from?.value[0]?.address ?? "";
  if (/mailer-daemon|postmaster/i.test(from)) return false;
  return /^\s*unsubscribe\b/i.test(base.subject) && !isAutoSubmitted(mail);
}

function isAutoSubmitted(mail: ParsedMail): boolean {
  const value = String(mail.headers.get("auto-submitted") ?? "no").toLowerCase();
  return value !== "no";
}

/** `list+token@d` is the mailbox `list@d` (RFC 5233 subaddress), in any case. */
function isSameMailbox(address: string, target: string): boolean {
  const [local = "", domain = ""] = address.toLowerCase().split("@");
  const [targetLocal = "", targetDomain = ""] = target.split("@");
  return domain === targetDomain && (local === targetLocal || local.split("+")[0] === targetLocal);
}

function baseOf(mail: ParsedMail): Classification {
  const addressedTo = new Set<string>();
  for (const name of [
    "to",
    "delivered-to",
    "x-original-to",
    "envelope-to",
    "x-failed-recipients",
  ]) {
    if (name === "x-failed-recipients") continue;
    const value = mail.headers.get(name);
    const text = typeof value === "string" ? value : value && "text" in value ? value.text : "";
    for (const address of String(text).match(new RegExp(ADDRESS_LIKE.source, "g")) ?? [])
      addressedTo.add(address.toLowerCase());
  }
  for (const line of mail.headerLines)
    if (line.key === "delivered-to" || line.key === "x-original-to")
      for (const address of line.line.match(/[^\s<>,;"':]{1,64}@[^\s<>,;"']+/g) ?? [])
        addressedTo.add(address.toLowerCase());
  const own = mail.messageId?.replace(/^<|>$/g, "");
  return {
    kind: "other",
    addressedTo: [...addressedTo],
    subject: mail.subject ?? "",
    ...(own ? { ownMessageId: own } : {}),
  };
}

function bodyOf(raw: Buffer | string): string {
  const text = typeof raw === "string" ? raw : raw.toString("latin1");
  const blank = text.search(/\r?\n\r?\n/);
  return blank >= 0 ? text.slice(blank).trim() : "";
}

/** The decoded text of the first part of one of these types, if the message has one. */
function partText(mail: ParsedMail, types: string[]): string | undefined {
  const part = mail.attachments.find((a) => types.includes(a.contentType.toLowerCase()));
  return part?.content.toString("utf8");
}

/** The human-readable notice: the text part, without the copy of the original message. */
export function notice(mail: ParsedMail): string {
  const text = mail.text ?? "";
  const cut = text.search(ORIGINAL_STARTS);
  return cut >= 0 ? text.slice(0, cut) : text;
}

// Where bounce notices begin their copy of the original message (Exim, qmail, Sendmail,
// Exchange, Domino, Courier…), or the copy's first header when there is no marker. Each phrase
// starts with a fixed text: the line's ".*" around it takes the rest (a "-{2,}" there was tried
// from every dash of a long line of them, each time to its end: 100 KB of dashes took 41 s).
const ORIGINAL_STARTS =
  /^.*(?:copy of (?:the|your) (?:original )?message|below this line is a copy|original message (?:follows|headers)|-- ?original message ?--|returned message|unsent message below|message headers follow|the headers of the message).*$|^(?:Return-Path|Received|DKIM-Signature|X-Received): /im;

export { noticeRecipient };
