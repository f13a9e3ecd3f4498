import { GazetteError } from "../../../shared/errors.js";
import type { AllowList } from "./allow-list.js";
import { checkAddress } from "./check-address.js";
import { isIpLiteral } from "./classify-address.js";

/**
 * The parsed URL when Gazette may request it: http(s), no credentials, and not a literal private
 * address. WHATWG URL parsing has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into
 * 127.0.0.1, so one check covers every spelling. Host names are checked when they resolve.
 * `origin` is the feed's own URL when `location` is a redirect hop, for the message.
 * Throws FEED_FETCH_FAILED.
 */
export function checkFeedUrl(location: string, allowList: AllowList, origin = location): URL {
  const label = location === origin ? location : `${location} (a redirect from ${origin})`;
  let url: URL;
  try {
    url = new URL(location);
  } catch (error) {
    throw new GazetteError("FEED_FETCH_FAILED", `cannot fetch ${label}: not a URL`, {
      cause: error,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refused(label, `only http(s) and files are fetched, not ${url.protocol}`);
  }
  // Credentials in a feed URL would be sent to every host a redirect names.
  if (url.username || url.password) throw refused(label, "URLs with credentials are refused");
  if (isIpLiteral(url.hostname)) {
    const address = url.hostname.replace(/^\[|\]$/g, "");
    const reason = checkAddress(url.hostname, address, allowList);
    if (reason !== undefined) throw refused(label, reason);
  }
  return url;
}

/** The FEED_FETCH_FAILED error for a URL the guard refuses. */
export function refused(location: string, reason: string): GazetteError {
  return new GazetteError("FEED_FETCH_FAILED", `refused ${location}: ${reason}`);
}
