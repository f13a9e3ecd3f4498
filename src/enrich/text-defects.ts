// What no summary or why may show a reader, whoever wrote it: the built-in summarizer never
// chooses such a sentence, and a model's answer with one falls back to the built-in text.

/** Markdown or HTML that survived into the text: "**bold**", "[link](…)", "&amp;", "{{ … }}". */
export const MARKUP =
  /\*\*|__\w|\]\(|&(?:[a-z]+|#\d+|#x[\da-f]+);|\{\{|\{%|<\/?[a-z][^>]*>|^#{1,6}\s|`/i;
/** Text cut short by its author, its feed or a model: "…", "...", "[…]". */
export const CUT = /…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]/;
const FIRST_PERSON =
  /\b(?:[Ww]e|us|[Oo]urs?|[Oo]urselves|I|[Mm]e|[Mm]y|[Mm]ine)\b|\b[Ww]e['’]|\bI['’]/;
// The digest names the company; it never talks about "this article" or "the author".
const SELF_REFERENCE =
  /^(?:this|the|in this) (?:blog )?(?:article|post|piece|write-?up|author|authors)\b/i;
const ENDED = /[.!?]["'”’)\]]*$/;

/**
 * Why a summary or why cannot be shown as written, or undefined when it can: markup, cut-off
 * text, the first person, "This article…", or more than `maxChars` characters.
 */
export function findDefect(text: string, maxChars: number): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length > maxChars) return `it is ${trimmed.length} characters, over ${maxChars}`;
  if (MARKUP.test(trimmed)) return "it contains markup";
  if (CUT.test(trimmed) || !ENDED.test(trimmed)) return "it is cut off";
  if (FIRST_PERSON.test(trimmed)) return "it is in the first person";
  if (SELF_REFERENCE.test(trimmed))
    return 'it talks about "this article" instead of naming the company';
  return undefined;
}
