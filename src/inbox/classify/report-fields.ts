/**
 * The field groups of an RFC 3464 `message/delivery-status` or RFC 5965 `message/feedback-report`
 * body: header-like lines (`Name: value`, folded lines joined) in groups separated by blank
 * lines — in a DSN the first group is about the message, each next one about one recipient.
 * Names are lowercased; a repeated name keeps its first value.
 */
export function readFieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let group = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      if (group.size > 0) groups.push(group);
      group = new Map();
      last = undefined;
      continue;
    }
    if (/^[ \t]/.test(line) && last !== undefined) {
      group.set(last, `${group.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[a-z0-9-]+$/.test(name)) continue;
    last = name;
    if (!group.has(name)) group.set(name, line.slice(colon + 1).trim());
    else last = `${name}#ignored`;
  }
  if (group.size > 0) groups.push(group);
  return groups;
}

/** `rfc822; a@b.c` → `a@b.c` (the address type of RFC 3464's address fields dropped). */
export function addressOfField(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const address = value.includes(";") ? value.slice(value.indexOf(";") + 1) : value;
  const found = EMAIL.exec(address);
  return found?.[0];
}

/** An RFC 3463 enhanced status code (class 2, 4 or 5). */
export const STATUS_CODE = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/**
 * A plain email address: what a report names, not a full RFC 5322 parser. The local part is at
 * most 64 characters and a label 63 (RFC 5321): unbounded, a long run without an `@` in a
 * message's text cost time quadratic in its length (100 KB: 5 s; a 1 MB message: minutes).
 */
export const EMAIL =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/;

/** Something address-like in a header (`a@b`, no angle brackets, quotes or separators); see EMAIL. */
export const ADDRESS_LIKE = /[^\s<>,;"']{1,64}@[^\s<>,;"']+/;
