import { shortenSentence } from "../clip-text.js";
import { MAX_CHARS } from "../max-chars.js";
import { addressUsers } from "./address-users.js";
import { argueStance, isStance } from "./argue-stance.js";
import { claimsMilestone } from "./claims-milestone.js";
import { classifySentence } from "./classify-sentence.js";
import { colonStatement } from "./colon-statement.js";
import { hasFiniteVerb } from "./has-finite-verb.js";
import { meansClause } from "./means-clause.js";
import { nameDemonstrative, nameFromNext } from "./name-demonstrative.js";
import { nameQuestion, questionMeant } from "./name-question.js";
import { nameTheme } from "./name-theme.js";
import { nameHeadingSubject, nameTitleSubject, resolvePronoun } from "./resolve-pronoun.js";
import { conjugate, rewriteThesis } from "./rewrite-thesis.js";
import { possessive, rewriteThirdPerson, type Voice } from "./rewrite-third-person.js";
import { isChoosable, type ScoredSentence, wayNamed } from "./score-sentences.js";
import { standAlone } from "./stand-alone.js";
import { nameRelease, tidySentence } from "./tidy-sentence.js";
import { tidyWording } from "./tidy-wording.js";

/** One or two of the article's sentences as they would read in the email. */
export interface Candidate {
  /** The article's sentences it is made of, in order. */
  sentences: ScoredSentence[];
  /** Repaired and in the third person. */
  text: string;
  score: number;
  /** The article saying what it is about. */
  isThesis: boolean;
  /** Says what the publisher did ("Quarry Data replaced…"). */
  isAction: boolean;
  /** A connective was dropped, a sentence joined to the one it leans on, or a clause cut. */
  isRepaired: boolean;
  /**
   * A tutorial's step, said of the publisher's example, or the way it promised and named
   * ("Streams are a way to…"): what the post shows.
   */
  isStep?: boolean;
}

const FIRST_PERSON = /\b(?:we|us|our|ours|ourselves)\b|\bI\b|\b(?:me|my|mine|myself)\b/i;
const ACTION_VERB = `(?:built|moved|replaced|deployed|added|migrated|switched|chose|created|introduced|rewrote|enabled|put|adopted|designed|rebuilt|automated|developed|launched|implemented|shipped|wrote|started|decided|changed|split|turned|uses?|used|runs?|made|cut|reduced|released|announced|open-sourced|unified|consolidated|evolved|optimized|scaled|redesigned|improved|brought|extended|integrated|trained|upgraded|removed|dropped|tuned|sped up|made|created)`;

/**
 * Every sentence of `scored` that may stand in a summary or a why, as it would read: a leading
 * connective dropped, joined to the sentence it points back at (same paragraph, both fitting in
 * `maxChars`), first person rewritten for `voice` (English only). A sentence for which any of
 * this is unsafe is not a candidate.
 */
export function buildCandidates(
  scored: readonly ScoredSentence[],
  voice: Voice | undefined,
  isEnglish: boolean,
  title: string,
  maxChars: number,
  publisher: Voice | undefined = voice,
): Candidate[] {
  const candidates: Candidate[] = [];
  const isAction = actionPattern(voice);
  for (const original of scored) {
    // "There is a way to download large files… Streams!": said of the way it names.
    const way = isEnglish ? wayNamed(original, scored[original.index + 1]) : undefined;
    const sentence =
      way !== undefined ? { ...original, text: way } : isEnglish ? asStatement(original) : original;
    if (!isChoosable(sentence)) continue;
    const candidate = isEnglish
      ? (englishCandidate(scored, sentence, announcerOf(sentence, voice, publisher), title) ??
        resultClause(sentence, voice) ??
        walkthroughStep(sentence, voice, publisher))
      : { sentences: [sentence], text: sentence.text, isRepaired: false };
    if (candidate === undefined) continue;
    const asked = isEnglish
      ? nameQuestion(candidate.text, questionMeant(scored, sentence, title))
      : candidate.text;
    const called = isEnglish
      ? nameFromNext(asked, scored[(candidate.sentences.at(-1)?.index ?? sentence.index) + 1]?.text)
      : asked;
    const named = isEnglish ? nameRelease(called, voice, title) : called;
    const tidied = isEnglish ? tidyWording(tidySentence(named)) : tidySentence(named);
    const text = shortenSentence(tidied, maxChars, isEnglish);
    if (text === undefined) continue;
    const isThesis =
      sentence.kind === "thesis" || ("isThesis" in candidate && candidate.isThesis === true);
    candidates.push({
      ...candidate,
      // "Streams are a way to…": what the post shows.
      ...(way !== undefined ? { isStep: true } : {}),
      text,
      isRepaired: candidate.isRepaired || text !== tidied,
      score: Math.max(...candidate.sentences.map((one) => one.score)),
      isThesis,
      isAction:
        isThesis || ("isAction" in candidate && candidate.isAction === true) || isAction.test(text),
    });
  }
  return candidates;
}

// "Today we're announcing…": on a company blog, whoever tells the rest of the post.
const ANNOUNCEMENT =
  /^(?:(?:today|this week|now),? )?we(?:['’]re| are) (?:(?:very |really |so )?(?:excited|happy|pleased|thrilled|proud|delighted|glad) to )?(?:announc|releas|launch|introduc|unveil|open[- ]sourc)/i;

/**
 * The voice to rewrite `sentence` in: the article's, or for a company's announcement the
 * publisher's even when a post told by one person leaves the article's "we" unclear.
 */
function announcerOf(
  sentence: ScoredSentence,
  voice: Voice | undefined,
  publisher: Voice | undefined,
): Voice | undefined {
  if (voice !== undefined || publisher?.isPersonal !== false) return voice;
  return sentence.kind === "thesis" && ANNOUNCEMENT.test(sentence.text) ? publisher : undefined;
}

// "…, and they may be in different formats, so I wrote a gem called earworm…": what was done.
const RESULT_CLAUSE =
  /,\s+so\s+((?:we|I)\s+(?:\w+ly\s+)?\w+ed\b|(?:we|I)\s+(?:built|wrote|made|ran|chose|found|took|began|went)\b)/;

/**
 * The clause after ", so we/I…" of a sentence that cannot be used whole (its first part in the
 * other person, or leaning on the sentence before): it says what was done, and stands alone.
 */
function resultClause(
  sentence: ScoredSentence,
  voice: Voice | undefined,
): { sentences: ScoredSentence[]; text: string; isRepaired: boolean } | undefined {
  const match = RESULT_CLAUSE.exec(sentence.text);
  if (match === null || voice === undefined) return undefined;
  const clause = sentence.text.slice(match.index + match[0].length - (match[1]?.length ?? 0));
  const opening = standAlone(clause);
  if (typeof opening === "string" || classifySentence(opening.text) !== "content") return undefined;
  const text = rewriteThirdPerson(opening.text, voice);
  return text === undefined ? undefined : { sentences: [sentence], text, isRepaired: true };
}

// "Here, we move player generation to the Game.Player module…": a tutorial's step, its "we" the
// writer and the reader. Said of the publisher's example ("thoughtbot's example moves player
// generation…"), never as what the publisher did.
const WALKTHROUGH_STEP =
  /^(?:[Hh]ere|[Nn]ow|[Nn]ext|[Tt]hen|[Bb]elow),?\s+we\s+(\p{Ll}+)\s+(?=\p{Ll})/u;
// A modal, an auxiliary or a past form after the "we" is no step shown.
const NOT_A_STEP =
  /^(?:can|could|should|might|may|must|would|will|shall|have|had|are|were|was|do|did|need|want|get|got|see|know|think|\p{L}+ed|\p{L}+s)$/u;

function walkthroughStep(
  sentence: ScoredSentence,
  voice: Voice | undefined,
  publisher: Voice | undefined,
):
  | { sentences: ScoredSentence[]; text: string; isRepaired: boolean; isAction: true; isStep: true }
  | undefined {
  if (voice !== undefined || publisher === undefined || publisher.isPersonal) return undefined;
  const step = WALKTHROUGH_STEP.exec(sentence.text);
  const verb = step?.[1];
  if (step === null || verb === undefined || NOT_A_STEP.test(verb)) return undefined;
  const rest = sentence.text.slice(step[0].length);
  if (FIRST_PERSON.test(rest) || /\byou/i.test(rest) || !/[.!]$/.test(rest)) return undefined;
  const text = `${possessive(publisher.name)} example ${conjugate(verb)} ${rest}`;
  return { sentences: [sentence], text, isRepaired: true, isAction: true, isStep: true };
}

const EXAMPLE_POINTER = /,?\s*(?:e\.g\.|for example|for instance|like so|like this)\s*:$/i;

/**
 * "We used the expand-and-contract pattern, split into six steps…:" says what was done before
 * it lists how: with a full stop it is a sentence of its own. Other lead-ins stay lead-ins.
 */
function asStatement(sentence: ScoredSentence): ScoredSentence {
  if (sentence.kind !== "lead-in") return sentence;
  // "…but none of them produces an integer, which can be useful, e.g.:" says something before
  // it points at its example: without the pointer it is a statement.
  const example = EXAMPLE_POINTER.exec(sentence.text);
  if (example !== null && example.index > 0) {
    return { ...sentence, kind: "content", text: `${sentence.text.slice(0, example.index)}.` };
  }
  if (!/^we\s+(?:\w+ly\s+)?\w+ed\b/i.test(sentence.text)) return sentence;
  if (
    /\b(?:following|as follows|these|this|below|like|e\.g\.|including|such as)\s*:$/i.test(
      sentence.text,
    )
  ) {
    return sentence;
  }
  return { ...sentence, kind: "content", text: sentence.text.replace(/:$/, ".") };
}

function englishCandidate(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
  voice: Voice | undefined,
  title: string,
):
  | { sentences: ScoredSentence[]; text: string; isRepaired: boolean; isThesis?: boolean }
  | undefined {
  if (sentence.kind === "thesis") {
    const text = voice && rewriteThesis(sentence.text, voice.name);
    const third = text && rewriteThirdPerson(text, voice);
    const rewritten = third && addressReader(third);
    return rewritten ? { sentences: [sentence], text: rewritten, isRepaired: false } : undefined;
  }
  const opening = standAlone(sentence.text);
  if (opening === "unusable") return undefined;
  let sentences = [sentence];
  let text: string;
  let isRepaired: boolean;
  let isThesis = false;
  if (opening === "needs-previous") {
    const previous = joinPrevious(scored, sentence);
    // "…reaches a new stage. This configuration driven platform decreases…": the sentence before
    // claims a milestone and says no more, so the one after, its "this" named, is the claim.
    const named =
      previous && claimsMilestone(previous.text) ? namedBy(previous, sentence) : undefined;
    // Too long together: "these references" said as "the references" when the one before names them.
    const joined =
      named ??
      (previous && previous.text.length + sentence.text.length < MAX_CHARS
        ? previous
        : undefined) ??
      resolvePronoun(scored, sentence) ??
      askedQuestion(scored, sentence, title) ??
      meansClause(sentence.text) ??
      nameHeadingSubject(scored, sentence) ??
      namedBy(scored[sentence.index - 1], sentence) ??
      previous ??
      colonStatement(sentence.text);
    // "It lets you sloppily explore documents.", its "it" the title's subject: what the
    // article is about.
    const aboutTitle = joined ? undefined : nameTitleSubject(scored, sentence, title);
    if (aboutTitle !== undefined)
      return { sentences, text: aboutTitle, isRepaired: true, isThesis: true };
    if (joined === undefined) return undefined;
    // The name came from the milestone: both sentences make the claim.
    if (named !== undefined && previous !== undefined) sentences = [previous, sentence];
    if (typeof joined !== "string") sentences = [joined, sentence];
    text = typeof joined === "string" ? joined : `${standAloneText(joined)} ${sentence.text}`;
    isRepaired = true;
  } else {
    // "…, and shortcode improvements is the main theme in Hugo 0.100.0.": what the article is about.
    const theme = nameTheme(opening.text);
    isThesis = theme !== undefined;
    text = theme ?? opening.text;
    isRepaired = isThesis || opening.isRepaired;
    // What the dropped connective hid may be a greeting or a call to action ("And thank you…").
    if (isRepaired && !["content", "thesis"].includes(classifySentence(text))) return undefined;
    // "It's important to…": whose view it is, said; with nobody to name, it is no one's.
    if (isStance(text)) {
      if (voice === undefined) return undefined;
      text = argueStance(text, voice.name);
    }
  }
  const rewritten = voice
    ? rewriteThirdPerson(text, voice)
    : FIRST_PERSON.test(text)
      ? undefined
      : text;
  return rewritten === undefined ? undefined : { sentences, text: rewritten, isRepaired, isThesis };
}

/**
 * A thesis said of the publisher speaks of its users, not to the reader: "…provides management
 * of your Amazon EC2 environment" → "…of users' Amazon EC2 environment"; other "you" as
 * `addressUsers` says them. Undefined when that would not read well.
 */
function addressReader(text: string): string | undefined {
  const owning = /\byou\b|\byou['’]/i.test(text)
    ? text
    : text.replace(/\byour\b(?= \p{L})/gu, "users'");
  return addressUsers(owning);
}

/**
 * The sentence before, in the same paragraph, when `sentence` may lean on it: a content sentence
 * (or a short statement) that stands alone, and no call to action once its connective is gone
 * ("And say hello to…").
 */
function joinPrevious(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
): ScoredSentence | undefined {
  const previous = scored[sentence.index - 1];
  if (previous === undefined || previous.paragraph !== sentence.paragraph) return undefined;
  if (previous.kind !== "content" && !isShortStatement(previous)) return undefined;
  const before = standAlone(previous.text);
  if (typeof before === "string") return undefined;
  if (before.isRepaired && !["content", "thesis"].includes(classifySentence(before.text))) {
    return undefined;
  }
  return previous;
}

/** "This question has no easy answer." said with the question it means, when that stands alone. */
function askedQuestion(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
  title: string,
): string | undefined {
  const question = questionMeant(scored, sentence, title);
  if (question === undefined) return undefined;
  const opening = standAlone(nameQuestion(sentence.text, question));
  return typeof opening === "string" ? undefined : opening.text;
}

function namedBy(
  previous: ScoredSentence | undefined,
  sentence: ScoredSentence,
): string | undefined {
  return previous?.paragraph === sentence.paragraph
    ? nameDemonstrative(previous.text, sentence.text)
    : undefined;
}

function standAloneText(sentence: ScoredSentence): string {
  const opening = standAlone(sentence.text);
  return typeof opening === "string" ? sentence.text : opening.text;
}

/**
 * "WordPress offers something to everyone.": too short to stand as a summary, but a statement
 * the sentence after it may lean on.
 */
function isShortStatement(sentence: ScoredSentence): boolean {
  return (
    sentence.kind === "short" &&
    /^\p{Lu}/u.test(sentence.text) &&
    /\.$/.test(sentence.text) &&
    hasFiniteVerb(sentence.text) &&
    typeof standAlone(sentence.text) !== "string"
  );
}

/** "Quarry Data replaced…", "The team rebuilt…": a sentence saying what the publisher did. */
function actionPattern(voice: Voice | undefined): RegExp {
  const subject = voice ? `${escapeRegExp(voice.name)}|it` : "it";
  return new RegExp(
    String.raw`^(?:(?:today|first|then|finally|eventually|last year|this year|recently),?\s+|[^,]{3,80},\s+)?(?:${subject}|the (?:\w+ )?team)\s+(?:(?:\w+ly|then|also|now|first|finally)\s+)?(?:has\s+|have\s+|had\s+)?${ACTION_VERB}\b`,
    "i",
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
