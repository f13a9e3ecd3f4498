/**
 * Why a message was not delivered, read from the receiving server's words, and whether the
 * address is gone for good. Hard: the mailbox or its domain does not exist, or has moved. Every
 * other reason — a full mailbox, a block, a spam verdict, a message too large, a suspended
 * account, a timeout — is soft: the address may work tomorrow. Sisimai draws the line in the same
 * place (its `hardbounce` reasons: userunknown, hostunknown, hasmoved, notaccept).
 */
export type BounceReason =
  | "user-unknown"
  | "host-unknown"
  | "has-moved"
  | "not-accept"
  | "mailbox-full"
  | "expired"
  | "too-large"
  | "suspended"
  | "blocked"
  | "spam"
  | "policy"
  | "system"
  | "undefined";

const HARD: ReadonlySet<BounceReason> = new Set([
  "user-unknown",
  "host-unknown",
  "has-moved",
  "not-accept",
]);

export function isHardReason(reason: BounceReason): boolean {
  return HARD.has(reason);
}

// Phrases from real DSNs (Postfix, Sendmail, Exim, qmail, Exchange, Gmail, Yahoo, Domino…),
// lowercase. When several match, the one earliest in the text wins: servers name the cause first.
const PHRASES: [BounceReason, RegExp][] = [
  [
    "user-unknown",
    /user unknown|unknown user|inactive (?:e-?mail )?address|no such (?:user|mailbox|recipient|account|address|local user)|(?:user|mailbox|recipient|address|account)(?: \S+)? (?:does not|doesn't|did not) exist|does not exist|not exist|unknown (?:recipient|local[- ]part|mailbox|address)|recipient (?:unknown|not found|address rejected: (?:user|unknown|undeliverable|access denied))|(?:user|mailbox|recipient) not found|invalid (?:recipient|mailbox|address|user)|not a valid (?:mailbox|user|recipient)|mailbox (?:unavailable|not available)|addressee unknown|no mailbox (?:here|by that name)|not listed in (?:domino|public name|the directory)|unrouteable address|address (?:is )?(?:unknown|rejected)|user (?:is )?(?:not known|doesn't have|does not have)|bad (?:destination mailbox|recipient)|no account by that name|unknown or illegal|name is not recognized|recipient rejected|no longer (?:valid|available|in use)|isn't a valid|nicht bekannt|nie istnieje|dest invalid|is not a known user|mailbox_not_found|invalid address|unknown account/,
  ],
  [
    "host-unknown",
    /host (?:or domain name )?not found|name or service not known|domain is not reachable|domain (?:not found|does not exist|name not found)|unknown host|no such domain|name service error|host unknown|no (?:valid )?mx|unroutable|domain (?:is )?(?:invalid|unknown)|illegal host\/domain|mx (?:record )?(?:lookup )?(?:failed|not found)|nxdomain|bad destination (?:system|host)|couldn't find any host|unable to route|non-existent host|no route to host|dns error/,
  ],
  ["has-moved", /has moved|moved (?:permanently|away)|address (?:has )?changed|user has moved/],
  ["not-accept", /does not accept (?:mail|e-?mail)|not accepting (?:any )?mail|null mx/],
  [
    "mailbox-full",
    /mailbox (?:is )?full|over ?quota|quota (?:exceeded|exceed)|exceeded (?:storage|the storage|quota)|insufficient (?:storage|disk)|mailbox (?:size|storage) limit|not enough (?:storage|space)|disk quota|mail ?box has exceeded|full mailbox|mailfolder is full|user is over|storage (?:allocation|limit)/,
  ],
  [
    "expired",
    /retry (?:time(?:out)?|period) exceeded|could not be delivered (?:for|within)|delivery time expired|too long in (?:the )?queue|message expired|has expired|timed? ?out|giving up|gave up|retry limit|no answer|deferred for too long|delivery (?:has )?failed after|expired/,
  ],
  [
    "too-large",
    /message (?:is )?too (?:large|big)|size (?:limit|exceeds)|exceeds (?:the )?(?:size|maximum)|message size/,
  ],
  [
    "suspended",
    /suspend|disabled|deactivated|inactive|not active|account (?:has been )?(?:closed|locked|blocked|expired)|on hold|temporarily (?:disabled|unavailable)|over (?:the )?(?:sending|receiving) limit|receiving mail at a rate/,
  ],
  ["spam", /spam|junk|bulk mail|unsolicited|content (?:rejected|filter)|virus|malware|infected/],
  [
    "blocked",
    /block|blacklist|black list|deny ?list|listed (?:at|on|in)|rbl|spamhaus|reputation|rejected by (?:policy|recipient)|not allowed|refused|access denied|relay(?:ing)? (?:denied|not permitted|access)|ptr|reverse dns|rate limit|too many/,
  ],
  [
    "policy",
    /policy|dmarc|spf|dkim|authenticat|not authorized|unauthenticated|security|tls required|filter|rejected/,
  ],
  [
    "system",
    /system (?:error|full|not accepting)|internal error|local error|mailer error|i\/o error|temporary failure|try again later|connection (?:refused|reset|lost|closed)|service unavailable/,
  ],
];

/** The reason whose phrase appears first in `text` (lowercased inside), or undefined. */
export function reasonFromText(text: string | undefined): BounceReason | undefined {
  if (!text) return undefined;
  // Amazon SES puts its own vague label before the remote server's reply.
  const lower = text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\d\.\d\.\d+ - unknown address error/g, "");
  let best: { reason: BounceReason; at: number } | undefined;
  for (const [reason, pattern] of PHRASES) {
    const found = pattern.exec(lower);
    if (found && (!best || found.index < best.at)) best = { reason, at: found.index };
  }
  return best?.reason;
}

/**
 * The reason an RFC 3463 status names by its subject and detail, or undefined for the vague ones
 * (X.0.0, X.5.0, X.7.1…). X.1.x are addressing: bad mailbox (1), bad system (2), bad syntax (3),
 * moved (6), null MX (10); X.2.x the mailbox (full, too large); X.4.x routing and time.
 */
export function reasonFromStatus(status: string | undefined): BounceReason | undefined {
  if (!status) return undefined;
  const [, subject, detail] = status.split(".");
  const code = `${subject}.${detail}`;
  const byCode: Record<string, BounceReason> = {
    "1.1": "user-unknown",
    "1.2": "host-unknown",
    "1.3": "user-unknown",
    "1.6": "has-moved",
    "1.10": "user-unknown",
    "2.1": "suspended",
    "2.2": "mailbox-full",
    "2.3": "too-large",
    "3.4": "too-large",
    "4.4": "host-unknown",
    "4.7": "expired",
    "4.1": "expired",
    "4.2": "expired",
    "3.2": "system",
    "3.0": "system",
    "7.1": "policy",
    "7.0": "policy",
  };
  return byCode[code] ?? (subject === "7" ? "policy" : undefined);
}
