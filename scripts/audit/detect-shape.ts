// The shape of a sentence that is not a finished claim: cut off, a question, a timestamp or a
// list fragment (issue 15, point 1).
import { splitSentences } from "../split-sentences.js";

/** An ellipsis or an unfinished ending: the text was clipped. */
export function detectCutOff(text: string): string | undefined {
  const trimmed = text.trim();
  if (/\[(?:…|\.\.\.)\]/.test(trimmed)) return "bracketed ellipsis";
  if (/…|\.\.\./.test(trimmed)) return "ellipsis";
  // Closing quotes, brackets and emphasis marks may follow the final punctuation.
  if (!/[.!?]["'”’)\]*_]*$/.test(trimmed)) return `ends with "${trimmed.slice(-12)}"`;
  return undefined;
}

/** A sentence that asks instead of telling. */
export function detectQuestion(text: string): string | undefined {
  const question = splitSentences(text).find((sentence) => /\?["'”’)\]]*$/.test(sentence));
  return question ? "a sentence ends with ?" : undefined;
}

const FRAGMENT_STARTS: [RegExp, string][] = [
  [/^\[?\d{1,2}:\d{2}(?::\d{2})?\]?(?:\s|:|$)/, "opens with a timestamp"],
  [/\b\d{1,2}:\d{2}:\d{2}\b/, "time code"],
  [/^\d{4}-\d{2}-\d{2}\b/, "opens with a date"],
  [
    /^(?:posted|published|updated|last updated|written)\b[^.]{0,40}\b(?:on|by|at)\b|^(?:posted|published|updated):/i,
    "dateline",
  ],
  [/\b\d+\s+min(?:ute)?s? read\b/i, "read-time line"],
  // "By Lena Okafor, Developer Productivity"; not "By the summer, …" or "By sharing …".
  [/^(?:By|BY|by)\s+\p{Lu}[\p{L}.-]+(?:\s+\p{Lu}[\p{L}.-]+)*\s*(?:[,|·—–]|$)/u, "byline"],
  [/^[-•*·▪◦–]\s/, "list bullet"],
  [/^\(?(?:\d{1,2}|[a-z])[.)]\s/, "numbered list item"],
  [/^(?:option|step|tip|note)\s*\d*\s*:/i, "list or note label"],
];

/**
 * A timestamp, dateline, byline or list item instead of a sentence. `source`, the publisher's
 * name, may open a sentence in lowercase when that is how it is spelled ("thoughtbot shows…").
 */
export function detectFragment(text: string, source = ""): string | undefined {
  const sourceWord = source.split(/\s+/)[0] ?? "";
  for (const sentence of splitSentences(text)) {
    for (const [pattern, name] of FRAGMENT_STARTS) if (pattern.test(sentence)) return name;
    const words = sentence.split(/\s+/).filter(Boolean);
    if (words.length < 4) return `only ${words.length} word${words.length === 1 ? "" : "s"}`;
    // A sentence starts with a capital; "generated files now use…" is a list item's tail.
    const first = words[0] as string;
    const isSourceName = sourceWord !== "" && first.startsWith(sourceWord);
    if (/^\p{Ll}+\b/u.test(first) && !isSourceName) return "opens in lowercase";
  }
  return undefined;
}
