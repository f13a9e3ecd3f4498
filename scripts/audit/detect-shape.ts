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

const VERB_WORD =
  /^(?:is|are|was|were|am|be|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must|cannot|got|made|took|went|came|ran|fell|rose|grew|saw|sat|found|built|brought|gave|kept|left|began|became|wrote|won|lost|sent|spent|led|let|cut|put|set|dropped|increased|decreased|doubled|halved|improved|jumped|moved|stayed|changed|started|failed)$|n['’]t$|['’](?:s|re|ve|ll|d|m)$/;
const NOUN_BEFORE =
  /^(?:the|a|an|its|their|our|his|her|my|your|no|any|some|every|each|all|of|to|in|on|at|by|for|from|with|without|into|via|per|as|and|or|many|more|most|several|other|new)$/;
const PRONOUN_SUBJECT = /^(?:i|we|you|they|he|she|it|who|which|this|that|these|those)$/;
const PHRASE_AFTER = /^(?:to|by|for|from|with|via)$/;

/**
 * An English sentence without a finite verb, a headline's note rather than a claim ("Conditional
 * functionality added to methods with no weird involvement."). Conservative: any word that may
 * be a verb counts as one; a sentence with a colon ("The lesson: measure…") is left alone.
 */
export function detectVerbless(text: string): string | undefined {
  for (const sentence of splitSentences(text)) {
    if (sentence.includes(":")) continue;
    const words = sentence
      .replace(/["“][^"”]*["”]/g, " ")
      .toLowerCase()
      .split(/[^\p{L}\p{N}'’.@-]+/u)
      .map((word) => word.replace(/\.+$/, ""))
      .filter(Boolean);
    if (words.length < 6) continue;
    const hasVerb = words.some((word, at) => {
      const before = words[at - 1] ?? "";
      const after = words[at + 1] ?? "";
      if (VERB_WORD.test(word) || PRONOUN_SUBJECT.test(before)) return true;
      if (/^\p{L}{2,}ed$/u.test(word)) return !PHRASE_AFTER.test(after);
      // "small jobs fill in the gaps"; an imperative's "Join the…".
      if (/^\p{L}{2,}s$/u.test(before) && /^\p{L}+$/u.test(word) && !NOUN_BEFORE.test(word)) {
        return true;
      }
      if (at === 0 && /^(?:the|a|an|your|our|this)$/.test(after)) return true;
      return /^\p{L}{2,}[^s'’]s$/u.test(word) && before !== "" && !NOUN_BEFORE.test(before);
    });
    if (!hasVerb) return `no finite verb in "${sentence.slice(0, 40)}"`;
  }
  return undefined;
}
