// Things lifted from around the article's prose rather than from it: captions, footnote and
// citation marks, markup, code (issue 15, point 1).
import { findCode } from "../../src/enrich/text-defects.js";
import { splitSentences } from "../split-sentences.js";

const CAPTION_LABEL =
  /^[*_]?\s*(?:figure|fig\.|table|chart|graph|diagram|listing|exhibit|image|photo|picture|screenshot|illustration|source|credit|image credit|photo credit|caption)\s*(?:\d+[a-z]?|[A-Z]|[IVX]+)?\s*[:.—–|-]\s/i;
const PHOTO_CREDIT = /\b(?:photo|image|illustration) (?:by|courtesy of|via)\s+\p{Lu}/iu;
// A whole sentence in *italics* or _italics_ is a caption in Markdown-ish feeds.
const ITALIC_LINE = /^(?:\*[^*]+\*|_[^_]+_)[.!?]?$/;

/** A figure or table label, a photo credit or an italic caption line. */
export function detectCaption(text: string): string | undefined {
  for (const sentence of splitSentences(text)) {
    const label = CAPTION_LABEL.exec(sentence);
    if (label) return `caption label "${label[0].trim()}"`;
    if (PHOTO_CREDIT.test(sentence)) return "photo credit";
    if (ITALIC_LINE.test(sentence.trim())) return "italic caption line";
  }
  return undefined;
}

const FOOTNOTE_MARKS: [RegExp, string][] = [
  [/[¹²³⁴⁵⁶⁷⁸⁹⁰]/u, "superscript footnote mark"],
  [/\[\^?\d{1,3}\]/, "bracketed footnote mark"],
  // "…systems.2", "…attention).2": a number glued after the end of a sentence or clause.
  [/[\p{L})\]][.)]\d{1,2}(?=[\s.,;]|$)/u, "footnote number after punctuation"],
  [/\bet al\.?/, "citation (et al.)"],
  [
    /\(\p{Lu}[\p{L}-]+(?: et al\.?| and \p{Lu}[\p{L}-]+)?,? (?:19|20)\d\d[a-z]?\)/u,
    "citation (author, year)",
  ],
  [/\b(?:arXiv:?\s?\d|doi:|ISBN\b|In Proceedings of|Retrieved from)/i, "reference-list entry"],
];

/** A footnote or citation mark, or a line that reads as a reference-list title. */
export function detectFootnote(text: string): string | undefined {
  for (const [pattern, name] of FOOTNOTE_MARKS) if (pattern.test(text)) return name;
  return splitSentences(text).some(isTitleCaseLine)
    ? "title-case line (a reference or heading)"
    : undefined;
}

// "DCN V2: Improved Deep & Cross Network and Practical Lessons for Web-scale Learning to Rank
// Systems." — a paper's title: a colon, and nearly every longer word capitalized.
function isTitleCaseLine(sentence: string): boolean {
  if (!sentence.includes(":")) return false;
  const words = sentence.split(/\s+/).filter((word) => /^\p{L}[\p{L}'’-]{3,}/u.test(word));
  const capitalized = words.filter((word) => /^\p{Lu}/u.test(word));
  return words.length >= 5 && capitalized.length / words.length >= 0.8;
}

const MARKUP: [RegExp, string][] = [
  [/\*\*|__/, "bold marks"],
  [/`/, "backtick"],
  [/\]\(/, "Markdown link"],
  [/\{\{|\}\}|\{%|%\}/, "template braces"],
  [/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i, "HTML tag"],
  [/<!--/, "HTML comment"],
  [/&(?:[a-z][a-z0-9]{1,30}|#\d{1,7}|#x[0-9a-f]{1,6});/i, "character entity"],
  [/^#{1,6}\s/, "Markdown heading mark"],
];

/** Markup that survived into plain text: `**`, `&amp;`, `](`, `{{`, tags, entities. */
export function detectMarkup(text: string): string | undefined {
  for (const [pattern, name] of MARKUP) {
    const found = pattern.exec(text);
    if (found) return `${name} "${found[0]}"`;
  }
  return undefined;
}

/** Code: template syntax, shell lines, calls, assignments, or a thicket of brackets. */
export const detectCode = findCode;
