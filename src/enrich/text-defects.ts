import { hasControls } from "../shared/control-characters.js";

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
// Each pattern is named for the audit (scripts/audit/detect-marks.ts), which reports what it saw.
const CODE: readonly (readonly [RegExp, string])[] = [
  [/\{\{|:=|=>|\$\w+\s*:?=/, "template or assignment syntax"],
  [/\b\w+\s*=\s*['"\d[{]/, "assignment"],
  [/\[\[\w[\w.]*\]\]/, "config table header"],
  [/(?:^|\s)\$\s+\w/, "shell prompt"],
  // A flag named in prose ("the new --watch flag") is no command line.
  [
    /(?:^|\s)--[a-z][\w-]*(?![\w-])(?!\s+(?:flag|option|switch|parameter|argument)\b)/,
    "command-line flag",
  ],
  [/\b[a-z]+[A-Z]\w*\([^)]*\)|\b\w+(?:::|\.)\w+\([^)]*\)/, "function call"],
  [/\b(?:def|function|const|var)\s+\w+\s*[=(]/, "definition"],
  [/\b(?:SELECT\s+[\w*,\s]+\s+FROM|INSERT INTO|UPDATE\s+\w+\s+SET)\b/, "SQL"],
  [/;\s*$/, "statement ending in a semicolon"],
  // Code-like tokens in prose: "%Game.Player{}", "method_missing()", "Nokogiri::Slop" (an editor
  // writes "Module#extend" in prose: no code).
  // Never from inside a chain ("A.B.C"): its start, tried first, matches whenever a later link
  // would, and each link tried scanned the rest of the chain (50 KB of "A.": 4 s).
  [/%?\b(?<!\b\p{Lu}\w*\.)\p{Lu}\w*(?:\.\p{Lu}\w*)*\{[^}\s]*\}/u, "struct literal"],
  [/\b\w+\(\)/, "call with no arguments"],
  [/\b\w+::\w/, "qualified name"],
];

/** What code prose carries (`function call "foo(bar)"`), or undefined when it carries none. */
export function findCode(text: string): string | undefined {
  for (const [pattern, name] of CODE) {
    const found = pattern.exec(text);
    if (found) return `${name} "${found[0].trim()}"`;
  }
  const symbols = text.match(/[{}[\]();=<>$|\\]/g)?.length ?? 0;
  return symbols >= 6 && symbols / text.length > 0.05 ? "dense code symbols" : undefined;
}

/** True when prose carries code: a template tag, a flag, a call, an assignment, SQL… */
export function hasCode(text: string): boolean {
  return findCode(text) !== undefined;
}

/**
 * Why a summary or why cannot be shown as written, or undefined when it can: markup, control
 * characters, cut-off text, the first person, "This article…", or more than `maxChars` characters.
 */
export function findDefect(text: string, maxChars: number): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length > maxChars) return `it is ${trimmed.length} characters, over ${maxChars}`;
  if (MARKUP.test(trimmed)) return "it contains markup";
  // A model's answer is not ingested text: an ESC, NUL or RLO in it was never dropped.
  if (hasControls(trimmed)) return "it contains control characters";
  if (hasCode(trimmed)) return "it contains code";
  if (CUT.test(trimmed) || !ENDED.test(trimmed)) return "it is cut off";
  if (FIRST_PERSON.test(trimmed)) return "it is in the first person";
  if (SELF_REFERENCE.test(trimmed))
    return 'it talks about "this article" instead of naming the company';
  return undefined;
}
