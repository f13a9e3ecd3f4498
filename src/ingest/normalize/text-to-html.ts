/** Plain text escaped for HTML: "<b>" is shown, not applied. */
export function escapeText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Plain text as HTML: escaped, a paragraph per blank-line-separated block, lines kept; one
 * paragraph stays bare text ("Example" is as good HTML as "<p>Example</p>").
 */
export function textToHtml(value: unknown): string | undefined {
  const escaped = escapeText(value);
  if (escaped === undefined) return undefined;
  const paragraphs = escaped.trim().split(/\n\s*\n/);
  const lines = (paragraph: string) => paragraph.trim().replace(/\n/g, "<br>");
  if (paragraphs.length === 1) return lines(paragraphs[0] ?? "");
  return paragraphs.map((paragraph) => `<p>${lines(paragraph)}</p>`).join("");
}
