import sanitizeHtml from "sanitize-html";
import { resolveUrl } from "./resolve-url.js";

const ALLOWED_TAGS = [
  ...["p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"],
  ...["a", "img", "figure", "figcaption", "ul", "ol", "li", "em", "strong", "b", "i"],
  ...["table", "thead", "tbody", "tr", "th", "td"],
];

// Tags whose text must go with them, not be kept as loose text. An <iframe> or <object> goes
// but its fallback content stays: it is what a reader without the embed was meant to see.
const DROPPED_WITH_CONTENT = [
  ...["script", "style", "textarea", "option", "noscript", "template"],
  ...["svg", "math", "form", "select", "button"],
];

const LINK_SCHEMES = ["http:", "https:", "mailto:"];

// Deeper than this, the markup is no article's (real ones nest a few dozen levels): 100,000
// nested <div>s made sanitizing quadratic, the feed's parse ran out of time, and every other item
// of the feed was lost with it. Such HTML is read as its text.
const MAX_DEPTH = 1_000;
// Elements that hold no others, or whose end tag HTML lets a page leave out (the next <p> or
// <li> ends the last): they do not deepen the document.
const FLAT = new Set([
  ...["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"],
  ...["source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"],
]);
// A start or end tag's name; linear, as nothing follows the name in the pattern.
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9]*)/g;
const TAG = /<[^<>]*>/g;

/**
 * Article HTML made safe for an email: an allow-list of tags and attributes, http(s)/mailto links
 * and http(s) images only, every relative href and src resolved against `baseUrl`.
 */
export function sanitizeContent(html: string, baseUrl: string | undefined): string {
  // Without a single tag the HTML is text: escaping its angle brackets is all there is to do, and
  // it keeps hostile input (a megabyte of "&lt;") linear and fast.
  if (!/<[A-Za-z/!?]/.test(html)) return escapeText(html);
  if (nestsTooDeep(html)) return escapeText(html.replace(TAG, " ").replace(/\s+/g, " "));
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "width", "height"],
      th: ["colspan", "rowspan"],
      td: ["colspan", "rowspan"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: {
      h1: "h2",
      a: (tagName, attribs) => ({
        tagName,
        attribs: withUrl(attribs, "href", resolveUrl(attribs.href, baseUrl, LINK_SCHEMES)),
      }),
      img: (tagName, attribs) => {
        // Lazy-loading themes put the real picture in data-src and a placeholder in src.
        const lazy = resolveUrl(attribs["data-src"] ?? attribs["data-lazy-src"], baseUrl);
        const src = lazy ?? resolveUrl(attribs.src, baseUrl);
        return { tagName, attribs: withUrl(attribs, "src", src) };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  }).trim();
}

// Replaces the attribute in place (attribute order is kept) or removes it when there is no URL.
function withUrl(
  attribs: Record<string, string>,
  name: string,
  url: string | undefined,
): Record<string, string> {
  if (url !== undefined) return { ...attribs, [name]: url };
  return Object.fromEntries(Object.entries(attribs).filter(([key]) => key !== name));
}

function escapeText(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;").trim();
}

/** True when the elements nest more than MAX_DEPTH deep; one pass over the tags. */
function nestsTooDeep(html: string): boolean {
  let depth = 0;
  for (const [, closing, name] of html.matchAll(TAG_NAME)) {
    if (FLAT.has((name as string).toLowerCase())) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_DEPTH) return true;
  }
  return false;
}
