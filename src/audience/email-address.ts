/**
 * Normalizes an address for storage: trimmed, domain lowercased (the local part is case-sensitive
 * by RFC 5321, so it is kept). Returns undefined when it is not a plain, deliverable address.
 */
export function normalizeEmail(input: string): string | undefined {
  const value = input.trim();
  // No quoted local parts, comments or display names: a subscriber address is one plain mailbox.
  if (value.length > 254 || /[\s"(),:;<>[\\\]]/.test(value)) return undefined;
  const at = value.lastIndexOf("@");
  if (at <= 0 || at !== value.indexOf("@")) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || local.startsWith(".") || local.endsWith(".") || local.includes(".."))
    return undefined;
  if (
    !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(
      domain,
    )
  )
    return undefined;
  return `${local}@${domain}`;
}
