import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToPlainText } from "./html-to-plain-text.js";
import { resolveUrl } from "./resolve-url.js";
import { sanitizeContent } from "./sanitize-content.js";

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
type PageDocument = ReturnType<typeof parseHTML>["document"];

/** The main text of an article page, ready to replace a feed's excerpt. */
export interface FullText {
  /** Sanitized HTML, links absolute. */
  contentHtml: string;
  contentText: string;
  /** og:image (else twitter:image), absolute http(s). */
  imageUrl?: string;
}

/**
 * Extracts the main text of an HTML page with Readability (over linkedom, no browser) and
 * sanitizes it like feed content; relative links resolve against `pageUrl`. Undefined when
 * Readability finds no article in the page.
 */
export function extractFullText(html: string, pageUrl: string): FullText | undefined {
  const { document } = parseHTML(html);
  const imageUrl = metaImage(document, pageUrl);
  // Readability changes the document it reads, so the meta tags are read first.
  const article = new Readability(document as unknown as ReadabilityDocument, {
    // Readability would resolve links against linkedom's empty base; sanitizeContent does it.
    keepClasses: false,
  }).parse();
  const contentHtml = article?.content ? sanitizeContent(article.content, pageUrl) : "";
  const contentText = htmlToPlainText(contentHtml);
  if (!contentText) return undefined;
  return { contentHtml, contentText, imageUrl };
}

function metaImage(document: PageDocument, pageUrl: string): string | undefined {
  for (const selector of [
    'meta[property="og:image"]',
    'meta[name="og:image"]',
    'meta[property="og:image:url"]',
    'meta[name="twitter:image"]',
  ]) {
    const content = document.querySelector(selector)?.getAttribute("content") ?? undefined;
    const url = resolveUrl(content, pageUrl);
    if (url !== undefined) return url;
  }
  return undefined;
}
