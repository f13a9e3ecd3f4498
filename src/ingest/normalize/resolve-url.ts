/**
 * `href` made absolute against `base`, or undefined when it cannot be resolved or its scheme is
 * not one of `schemes` (so `javascript:`, `data:` and the like never come out). A user name and
 * password are dropped: in "https://paypal.com@evil.example/" they only make the link read as
 * another site's (the plain-text email shows it), and no reader's link needs them.
 */
export function resolveUrl(
  href: string | undefined,
  base: string | undefined,
  schemes: readonly string[] = ["http:", "https:"],
): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  let resolved: URL;
  try {
    resolved = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (!schemes.includes(resolved.protocol)) return undefined;
  resolved.username = "";
  resolved.password = "";
  return resolved.href;
}

/** True when `url` is an absolute http(s) URL. */
export function isHttpUrl(url: string | undefined): url is string {
  return resolveUrl(url, undefined) !== undefined;
}
