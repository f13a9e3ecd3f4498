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
// Code in prose: templates, assignments, flags, calls, shell prompts, SQL, a thicket of symbols.
const CODE: readonly RegExp[] = [
  /\{\{|:=|=>|\$\w+\s*:?=/,
  /\b\w+\s*=\s*['"\d[{]/,
  /\[\[\w[\w.]*\]\]/,
  /(?:^|\s)\$\s+\w/,
  /(?:^|\s)--[a-z][\w-]*(?![\w-])(?!\s+(?:flag|option|switch|parameter|argument)\b)/,
  /\b[a-z]+[A-Z]\w*\([^)]*\)|\b\w+(?:::|\.)\w+\([^)]*\)/,
  /\b(?:def|function|const|var)\s+\w+\s*[=(]/,
  /\b(?:SELECT\s+[\w*,\s]+\s+FROM|INSERT INTO|UPDATE\s+\w+\s+SET)\b/,
  /;\s*$/,
  // Code-like tokens in prose: "%Game.Player{}", "method_missing()", "Nokogiri::Slop" (an editor
  // writes "Module#extend" in prose: no code).
  /%?\b\p{Lu}\w*(?:\.\p{Lu}\w*)*\{[^}\s]*\}|\b\w+\(\)|\b\w+::\w/u,
];

/** True when prose carries code: a template tag, a flag, a call, an assignment, SQL… */
export function hasCode(text: string): boolean {
  if (CODE.some((pattern) => pattern.test(text))) return true;
  const symbols = text.match(/[{}[\]();=<>$|\\]/g)?.length ?? 0;
  return symbols >= 6 && symbols / text.length > 0.05;
}

/**
 * Why a summary or why cannot be shown as written, or undefined when it can: markup, cut-off
 * text, the first person, "This article…", or more than `maxChars` characters.
 */
export function findDefect(text: string, maxChars: number): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length > maxChars) return `it is ${trimmed.length} characters, over ${maxChars}`;
  if (MARKUP.test(trimmed)) return "it contains markup";
  if (hasCode(trimmed)) return "it contains code";
  if (CUT.test(trimmed) || !ENDED.test(trimmed)) return "it is cut off";
  if (FIRST_PERSON.test(trimmed)) return "it is in the first person";
  if (SELF_REFERENCE.test(trimmed))
    return 'it talks about "this article" instead of naming the company';
  return undefined;
}
