/** Query parameters that only say where a click came from, never which page it is. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "ref_src",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  // Medium appends ?source=rss----<id>---4 (and post_page---…) to every link it hands out.
  "source",
]);

function isTrackingParam(rawKey: string): boolean {
  const key = decodeQueryPart(rawKey).toLowerCase();
  return key.startsWith("utm_") || TRACKING_PARAMS.has(key);
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return part;
  }
}

/**
 * The identity of an article's URL: scheme and host lowercased, default port, fragment and
 * tracking parameters dropped, remaining parameters sorted, no trailing slash on a non-root path.
 * Returns the input unchanged when it is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url;
  }
  parsed.hash = "";
  // Split the raw query by hand: URLSearchParams would re-encode values (%20 → +, "a" → "a=").
  const params = parsed.search
    .slice(1)
    .split("&")
    .filter((part) => part !== "" && !isTrackingParam(part.split("=")[0] ?? ""));
  // A stable sort on the key keeps repeated keys (a=1&a=2) in their original order.
  params.sort((left, right) => compareKeys(left.split("=")[0] ?? "", right.split("=")[0] ?? ""));
  parsed.search = params.length > 0 ? `?${params.join("&")}` : "";
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith("/")) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, "") || "/";
  }
  return parsed.href;
}

function compareKeys(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
