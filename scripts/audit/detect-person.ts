// The summary speaks of the publisher in the third person ("Quarry Data replaced…"); the why may
// say "we" of the authors only when quoting them, never "I" (issue 15, point 3).
const SINGULAR = /\bI(?:['’](?:m|ve|d|ll))?(?![\w'’])|\b[Mm](?:e|y|ine|yself)\b/;
const PLURAL = /\b(?:we|us|our|ours|ourselves|let['’]s)\b|\bwe['’](?:re|ve|d|ll)\b/i;
const SECOND = /\b(?:you|your|yours|yourself|yourselves)\b|\byou['’](?:re|ve|d|ll)\b/i;
// "I" that is no pronoun: a numeral ("Part I", "World War I") or "I/O".
const ROMAN_I =
  /\b(?:part|phase|chapter|volume|vol\.|world war|type|class|tier|stage|level|act|book|season)\s+I\b|\bI\/O\b/gi;
// The words of someone quoted (three words or more) are theirs, not the summary's.
const QUOTED = /[“"][^”"]+[”"]/g;

/** Text without quotations and numeral "I"s: what the field itself says. */
function ownWords(text: string): string {
  const quotes = (quote: string) => (quote.trim().split(/\s+/).length >= 3 ? " " : quote);
  return text.replace(QUOTED, quotes).replace(ROMAN_I, " ");
}

/** The first-person word in a field: "I" anywhere; "we"/"our" in the summary too. */
export function detectFirstPerson(text: string, field: "summary" | "why"): string | undefined {
  const own = ownWords(text);
  const singular = SINGULAR.exec(own)?.[0];
  if (singular) return `"${singular}"`;
  if (field !== "summary") return undefined;
  const plural = PLURAL.exec(own.replace(/\bUS\b/g, " "))?.[0];
  return plural ? `"${plural}" in the summary` : undefined;
}

/** "You"/"your" in the summary, which names who did the work in the third person. */
export function detectSecondPerson(text: string, field: "summary" | "why"): string | undefined {
  if (field !== "summary") return undefined;
  const word = SECOND.exec(ownWords(text))?.[0];
  return word ? `"${word}" in the summary` : undefined;
}
