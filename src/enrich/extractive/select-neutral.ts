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
// Words addressing the reader ("…kilka słów do Was…", "jouw"): a letter to the reader, not what
// the article says. Whole words, lowercase.
const SECOND_PERSON: Record<string, RegExp> = {
  pl: /(?<!\p{L})(?:wy|was|wam|wami|ciebie|tobie|twój|twoja|twoje|wasz|wasza|wasze|waszych)(?!\p{L})/u,
  nl: /(?<!\p{L})(?:jij|jou|jouw|jullie)(?!\p{L})/u,
};
// Openers that point back at the sentence before, per language: a connective or a pronoun
// ("Ale…", "Więc…", "To…", "Oni…"). Lowercase, whole first words.
const DEPENDENT_OPENER: Record<string, RegExp> = {
  // …and a reflexive verb with its subject left out: "Specjalizuje się w…", "Najczęściej składa się z…".
  // …and a demonstrative among the first words: "Jak do tej pory…" (so far: up to this point),
  // "Spowodowane to było…" (it was caused by…).
  pl: /^(?:\p{L}+\s+){0,2}(?:się|tej|tego|tym|tych|tymi|ten|tę|tą|te)(?!\p{L})|^\p{L}+\s+to\s+(?:jest|był|była|było|były|będzie)(?!\p{L})|^(?:ale|więc|zatem|to|ten|ta|te|ci|tego|tej|tym|tych|oni|one|on|ona|ono|jego|jej|ich|dlatego|jednak|natomiast|również|także|ponadto|oraz|a|i|stąd|wtedy|potem|następnie|tam|tu|tutaj|dzięki temu|poza tym|w tym|z tego|przez to|mimo to)(?!\p{L})/u,
  nl: /^(?:maar|dus|daarom|echter|ook|dit|dat|deze|die|het|hij|zij|ze|hun|daarna|toen|bovendien|en)(?!\p{L})/u,
  de: /^(?:aber|also|deshalb|daher|jedoch|auch|dies|diese|dieser|dieses|das|er|sie|es|ihr|ihre|dann|danach|außerdem|und)(?!\p{L})/u,
};
// Earlier is better in a language without rules: a candidate this close to the best one that
// stands higher in the article wins (the lead says what the article is about).
const NEAR_BEST = 0.55;

/** True when the sentence speaks as "I" in `language` (false for a language not listed). */
export function speaksAsI(text: string, language: string | undefined): boolean {
  const pattern = language === undefined ? undefined : FIRST_PERSON_SINGULAR[language];
  return pattern?.test(text.toLowerCase()) ?? false;
}

/** True when the sentence speaks to the reader in `language` (false for a language not listed). */
export function addressesReader(text: string, language: string | undefined): boolean {
  const pattern = language === undefined ? undefined : SECOND_PERSON[language];
  return pattern?.test(text.toLowerCase()) ?? false;
}

/** True when the sentence opens by pointing back in `language` (false for a language not listed). */
export function opensDependent(text: string, language: string | undefined): boolean {
  const pattern = language === undefined ? undefined : DEPENDENT_OPENER[language];
  return pattern?.test(text.toLowerCase()) ?? false;
}

/**
 * The summary of an article in a language without English rules: no first person singular and
 * no opener that points back where another sentence is left, a paragraph's first sentence (it
 * leans on nothing before it) where there is one, and the earliest candidate nearly as central
 * as the best.
 */
export function selectNeutral(
  candidates: readonly Candidate[],
  language: string | undefined,
): { chosen: Candidate[]; method: SummaryMethod } {
  // A sentence opening in lowercase is the rest of an abbreviation or a list ("lek. psychiatra…").
  const impersonal = candidates.filter(
    (candidate) =>
      !speaksAsI(candidate.text, language) &&
      !addressesReader(candidate.text, language) &&
      !/^\p{Ll}/u.test(candidate.text),
  );
  const standing = impersonal.filter((candidate) => !opensDependent(candidate.text, language));
  const opening = standing.filter((candidate) => opensParagraph(candidate, candidates));
  const pool = [opening, standing, impersonal, candidates].find((some) => some.length > 0) ?? [];
  const best = Math.max(0, ...pool.map((candidate) => candidate.score));
  const first = pool.find((candidate) => candidate.score >= NEAR_BEST * best);
  if (first === undefined) return { chosen: [], method: "none" };
  const firstParagraph = Math.min(
    ...pool.map((candidate) => candidate.sentences[0]?.paragraph ?? 0),
  );
  const method = first.sentences[0]?.paragraph === firstParagraph ? "lead" : "central";
  return { chosen: [first], method };
}

// The earliest candidate of its paragraph: the sentence a reader meets first there.
function opensParagraph(candidate: Candidate, candidates: readonly Candidate[]): boolean {
  const first = candidate.sentences[0];
  if (first === undefined) return false;
  return !candidates.some(
    (other) =>
      other.sentences[0] !== undefined &&
      other.sentences[0].paragraph === first.paragraph &&
      other.sentences[0].index < first.index,
  );
}
