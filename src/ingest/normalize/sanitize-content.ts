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

/**
 * Article HTML made safe for an email: an allow-list of tags and attributes, http(s)/mailto links
 * and http(s) images only, every relative href and src resolved against `baseUrl`.
 */
export function sanitizeContent(html: string, baseUrl: string | undefined): string {
  // Without a single tag the HTML is text: escaping its angle brackets is all there is to do, and
  // it keeps hostile input (a megabyte of "&lt;") linear and fast.
  if (!/<[A-Za-z/!?]/.test(html)) return html.replace(/</g, "&lt;").replace(/>/g, "&gt;").trim();
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
