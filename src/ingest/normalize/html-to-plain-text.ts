import { compile } from "html-to-text";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
  selector,
  options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
}));

// Compiled once: building the formatter is most of the cost of a short conversion.
const convert = compile({
  wordwrap: false as const,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "ul", options: { itemPrefix: "- " } },
    ...HEADINGS,
  ],
});

/** Plain text of an HTML fragment: paragraphs separated by one blank line, lists as "- item". */
export function htmlToPlainText(html: string): string {
  return (
    convert(html)
      .replace(/\u00a0/g, " ")
      // Only from the start of a run: tried at each of its characters, a run of spaces (`&nbsp;`
      // repeated) before a word cost time quadratic in its length (40 000: 5 s).
      .replace(/(?<![ \t])[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** One line of plain text from an HTML fragment (a title, a name): tags gone, entities decoded. */
export function htmlToPlainLine(html: string): string {
  return convert(html).replace(/\s+/g, " ").trim();
}
