import type { Candidate } from "./build-candidates.js";
import type { SummaryMethod } from "./select-summary.js";

// The first person singular in the languages Gazette's readers meet most after English: a
// personal story ("…było dla mnie…", "ik heb…") is never a summary. Whole words, lowercase.
const FIRST_PERSON_SINGULAR: Record<string, RegExp> = {
  pl: /(?<!\p{L})(?:ja|mnie|mi|mną|mój|moja|moje|mojej|mojego|moim|moich|jestem|byłem|byłam|chciałem|chciałam|zaczęłam|zacząłem|mam|czuję|będę)(?!\p{L})|\p{L}(?:łam|łem)(?!\p{L})/u,
  nl: /(?<!\p{L})(?:ik|mij|mijn|me)(?!\p{L})/u,
  de: /(?<!\p{L})(?:ich|mich|mir|mein|meine|meinen|meinem|meiner)(?!\p{L})/u,
  fr: /(?<!\p{L})(?:je|j['’]|moi|mon|ma|mes)(?!\p{L})/u,
  es: /(?<!\p{L})(?:yo|mi|mis|mío|mía|conmigo)(?!\p{L})/u,
  pt: /(?<!\p{L})(?:eu|meu|minha|meus|minhas|comigo)(?!\p{L})/u,
  it: /(?<!\p{L})(?:io|mio|mia|miei|mie)(?!\p{L})/u,
};
// Earlier is better in a language without rules: a candidate this close to the best one that
// stands higher in the article wins (the lead says what the article is about).
const NEAR_BEST = 0.55;

/** True when the sentence speaks as "I" in `language` (false for a language not listed). */
export function speaksAsI(text: string, language: string | undefined): boolean {
  const pattern = language === undefined ? undefined : FIRST_PERSON_SINGULAR[language];
  return pattern?.test(text.toLowerCase()) ?? false;
}

/**
 * The summary of an article in a language without English rules: no first person singular
 * where another sentence is left, and the earliest candidate nearly as central as the best.
 */
export function selectNeutral(
  candidates: readonly Candidate[],
  language: string | undefined,
): { chosen: Candidate[]; method: SummaryMethod } {
  // A sentence opening in lowercase is the rest of an abbreviation or a list ("lek. psychiatra…").
  const impersonal = candidates.filter(
    (candidate) => !speaksAsI(candidate.text, language) && !/^\p{Ll}/u.test(candidate.text),
  );
  const pool = impersonal.length > 0 ? impersonal : candidates;
  const best = Math.max(0, ...pool.map((candidate) => candidate.score));
  const first = pool.find((candidate) => candidate.score >= NEAR_BEST * best);
  if (first === undefined) return { chosen: [], method: "none" };
  const firstParagraph = Math.min(
    ...pool.map((candidate) => candidate.sentences[0]?.paragraph ?? 0),
  );
  const method = first.sentences[0]?.paragraph === firstParagraph ? "lead" : "central";
  return { chosen: [first], method };
}
