import type { ParsedMail } from "mailparser";
import { isHardReason, reasonFromStatus, reasonFromText } from "./bounce-reason.js";
import type { Classification } from "./classify-message.js";
import { EMAIL, STATUS_CODE } from "./report-fields.js";

type Decision = Omit<Classification, "addressedTo" | "subject" | "ownMessageId">;

// RFC 3834 and the headers autoresponders really send.
const AUTO_REPLY_SUBJECT =
  /^(?:re:\s*|\[)?(?:auto(?:matic)?[ -]?(?:reply|response|antwort|respuesta|réponse)|auto:|autoreply|away from|i am away|on vacation|vacation|abwesen|absence|urlop|automatyczna|nieobecn|automatische antwort|réponse automatique|respuesta automática|thank you for your (?:e-?mail|message))|out of (?:the )?office/i;
const CHALLENGE =
  /verify (?:your|that you)|confirm (?:your|that you)|whitelist|white list|challenge|approved senders|not pre-approved|boxbe|bluebottle|please (?:click|verify)|sender verification|requires confirmation/i;
const DELAY =
  /delay|still being retried|warning only|will (?:continue|keep) (?:trying|to try)|not yet been delivered|has not been delivered (?:yet|for)|will be retried/i;
const BOUNCE_SUBJECT =
  /undeliver|returned mail|delivery (?:status notification|failure|failed|has failed|notification|problem)|failure notice|mail delivery failed|could not be delivered|non[- ]?deliver|nondeliverable|not delivered|delivery report|mail system error|rejected|returned to sender|fehlgeschlagen|unzustellbar/i;
const DAEMON = /mailer-daemon|postmaster|mail delivery (?:subsystem|system)|mail ?administrator/i;

/**
 * A message with no DSN part: an auto-reply (RFC 3834 headers, a vacation subject, a
 * challenge-response), a delay notice, a bounce in the MTA's own words (qmail, Exim without DSN,
 * Domino, old Exchange), or other.
 */
export function classifyNotice(mail: ParsedMail, noticeText: string): Decision {
  const subject = mail.subject ?? "";
  const from = `${mail.from?.text ?? ""}`;
  const header = (name: string) => String(mail.headers.get(name) ?? "").toLowerCase();
  const isDaemon = DAEMON.test(from) || header("x-failed-recipients") !== "";
  const isBounceSubject = BOUNCE_SUBJECT.test(subject);
  if (!isDaemon && !isBounceSubject) {
    const autoSubmitted = header("auto-submitted");
    if (autoSubmitted.startsWith("auto-replied"))
      return { kind: "auto-reply", reason: "auto-submitted" };
    if (header("x-autoreply") || header("x-autorespond") || /auto_reply/.test(header("precedence")))
      return { kind: "auto-reply", reason: "autoreply header" };
    if (AUTO_REPLY_SUBJECT.test(subject)) return { kind: "auto-reply", reason: "subject" };
    return { kind: "other" };
  }
  if (DELAY.test(subject) || (DELAY.test(noticeText) && !/permanent|fatal/i.test(noticeText)))
    return { kind: "other", reason: "delayed" };
  const recipient = failedRecipient(mail, noticeText);
  const status = STATUS_CODE.exec(noticeText)?.[0];
  const line = diagnosticLine(noticeText);
  const reason =
    reasonFromText(line) ?? reasonFromText(noticeText) ?? reasonFromStatus(status) ?? "undefined";
  return {
    kind: isHardReason(reason) ? "hard-bounce" : "soft-bounce",
    reason,
    ...(recipient ? { recipient } : {}),
    ...(status ? { status } : {}),
    ...(line ? { detail: line } : {}),
  };
}

/** Challenge-response systems dress their "prove you are human" reply as a bounce, even a DSN. */
export function isChallenge(subject: string, noticeText: string): boolean {
  return CHALLENGE.test(subject) || CHALLENGE.test(noticeText.slice(0, 3000));
}

/** The failed address: X-Failed-Recipients (Exim), `<a@b>:` (qmail), else the notice's first. */
export function noticeRecipient(mail: ParsedMail, noticeText: string): string | undefined {
  return failedRecipient(mail, noticeText);
}

function failedRecipient(mail: ParsedMail, noticeText: string): string | undefined {
  const failed = String(mail.headers.get("x-failed-recipients") ?? "");
  const fromHeader = EMAIL.exec(failed)?.[0];
  if (fromHeader) return fromHeader;
  // No "@" before the address's own: a line of "<a@<a@…" was split at each one in turn (100 KB: 9 s).
  const qmail = /^<([^>\s@]+@[^>\s]+)>:/m.exec(noticeText)?.[1];
  if (qmail) return qmail;
  const own = new Set(
    [mail.from?.text, headerText(mail, "to"), headerText(mail, "return-path")]
      .flatMap((text) => String(text ?? "").match(new RegExp(EMAIL.source, "g")) ?? [])
      .map((a) => a.toLowerCase()),
  );
  for (const match of noticeText.matchAll(new RegExp(EMAIL.source, "g"))) {
    const address = match[0].toLowerCase();
    if (!own.has(address) && !DAEMON.test(address)) return match[0];
  }
  return undefined;
}

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (typeof value === "string") return value;
  return value && typeof value === "object" && "text" in value ? String(value.text) : "";
}

/** The line carrying the remote server's reply (`550 5.1.1 …`), if the notice has one. */
function diagnosticLine(text: string): string | undefined {
  const match = /^.*\b[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\b)?.*$/m.exec(text);
  return match?.[0].trim().slice(0, 300);
}
