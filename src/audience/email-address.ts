// The one home of Gazette's rules for a subscriber's address: what is accepted (checkEmail,
// normalizeEmail), how it is shown (printableEmail) and what makes two spellings one subscriber
// (emailKey). Store, import, signup, suppressions and the inbox all go through here.

/** An address checked: as it is stored and shown, or why it is refused. */
export type EmailCheck = { ok: true; address: string } | { ok: false; reason: string };

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
// Unicode's bidirectional formatting characters (UAX #9): they reorder how text around them is
// displayed, so "user\u202Emoc.elpmaxe@…" can show as another address.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const UNASSIGNED = /[\p{Co}\p{Cn}\p{Cs}]/u;

/**
 * Checks an address typed or imported: trimmed, composed (NFC), the domain lowercased; the local
 * part keeps its case for display (emailKey ignores it). Refused, with the reason: characters
 * that display as others or not at all (controls, zero-width and bidirectional formatting
 * characters, fullwidth and other compatibility forms — `us\u200Ber@…` shows as `user@…`),
 * quoted local parts, comments and display names (a subscriber is one plain mailbox), and
 * anything RFC 5321 does not allow (64 characters before the "@", 254 in all).
 */
export function checkEmail(input: string): EmailCheck {
  const value = input.trim().normalize("NFC");
  const odd = [...value].map(describeOddCharacter).find(Boolean);
  if (odd) return { ok: false, reason: `contains ${odd}` };
  const reason = syntaxProblem(value);
  if (reason) return { ok: false, reason };
  const at = value.indexOf("@");
  return { ok: true, address: `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}` };
}

/** The address as stored and shown, or undefined when checkEmail refuses it. */
export function normalizeEmail(input: string): string | undefined {
  const check = checkEmail(input);
  return check.ok ? check.address : undefined;
}

/**
 * The identity of an address: two spellings with the same key are one subscriber. Case is
 * ignored everywhere — RFC 5321 lets a server tell `Bob@` from `bob@`, but no mailbox provider
 * does, and treating them as two people sends Bob every issue twice and lets an import
 * re-subscribe him after he left. Works on any stored string, valid or not.
 */
export function emailKey(address: string): string {
  return address.trim().normalize("NFC").toLowerCase();
}

// Gmail delivers every dotted spelling of a local part to one mailbox (and googlemail.com is it too).
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox an address reaches, for limits on what one person may be sent: emailKey without a
 * subaddress (`name+tag@`, RFC 5233, which nearly every provider delivers to `name@`) and, at
 * Gmail, without dots. Not an identity: `name+tag@` stays a subscriber of its own.
 */
export function mailboxKey(address: string): string {
  const key = emailKey(address);
  const at = key.lastIndexOf("@");
  const domain = DOTLESS_DOMAINS.has(key.slice(at + 1)) ? "gmail.com" : key.slice(at + 1);
  let local = key.slice(0, at).split("+")[0] || key.slice(0, at);
  if (domain === "gmail.com") local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

/** The text with every character checkEmail calls odd written as `<U+XXXX>`, safe to print. */
export function printableEmail(input: string): string {
  return [...input]
    .map((char) => (describeOddCharacter(char) ? `<${codeOf(char)}>` : char))
    .join("");
}

/** What is wrong with one character of an address, if anything, for the person who typed it. */
function describeOddCharacter(char: string): string | undefined {
  const code = codeOf(char);
  if (/\p{Cc}/u.test(char)) return `a control character ${code}`;
  if (BIDI.test(char))
    return `a bidirectional control ${code}, which changes the order it is displayed in`;
  if (INVISIBLE.test(char)) return `an invisible character ${code}`;
  if (/\p{Z}/u.test(char)) return `a space ${code}`;
  const point = char.codePointAt(0) ?? 0;
  if (point >= 0xff01 && point <= 0xffef)
    return `a ${point <= 0xff60 || point >= 0xffe0 ? "fullwidth" : "halfwidth"} character ${code}: type it with ordinary letters and signs`;
  if (UNASSIGNED.test(char)) return `a character that is not a letter, digit or sign (${code})`;
  // NFKC folds the forms that display like another character (ligatures, styled letters).
  if (char.normalize("NFKC") !== char)
    return `a compatibility character ${code} that displays like "${char.normalize("NFKC")}"`;
  return undefined;
}

/** Why a value of plain characters is not one deliverable mailbox, if it is not. */
function syntaxProblem(value: string): string | undefined {
  if (value.length > 254) return "is longer than 254 characters";
  if (/["(),:;<>[\\\]]/.test(value))
    return "contains a quote or one of ( ) , : ; < > [ \\ ]: write the address alone, like name@example.com";
  const at = value.indexOf("@");
  if (at < 0) return 'has no "@"';
  if (at !== value.lastIndexOf("@")) return 'has more than one "@"';
  const local = value.slice(0, at);
  if (local.length === 0) return 'has nothing before the "@"';
  if (local.length > 64) return 'has more than 64 characters before the "@"';
  if (local.startsWith(".") || local.endsWith(".") || local.includes(".."))
    return 'has a dot at the start or end of the part before the "@", or two dots in a row';
  if (!DOMAIN.test(value.slice(at + 1).toLowerCase()))
    return 'has no valid domain after the "@" (letters, digits and dashes with a dot, like example.com; an international domain as xn--…)';
  return undefined;
}

function codeOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
