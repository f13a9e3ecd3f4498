// "AWS Links - Wednesday, January 7, 2009", "Links for the week", "Weekly links": a post of links
// to other people's news. Each item has its own reason; the post has none in common, and one
// item's news ("…can now be run on an Apple iPhone") is no reason to read the post.
const LINK_POST =
  /^(?:[\p{L}\p{N}.&'’]+\s+){0,3}links?\s*(?:[-–—:,]\s*(?:\p{L}+day\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\b)|#\d+$|$)|\blinks?\s+(?:of|for) the (?:day|week|month)\b|\blink (?:round-?up|dump|list)\b/iu;

/**
 * True for a post whose title names it a list of links: enrich gives it no "why it matters", and
 * compose counts it a brief post (a round-up).
 */
export function isLinkPost(title: string): boolean {
  return LINK_POST.test(title);
}
