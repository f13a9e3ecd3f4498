import { STOPWORDS } from "../stopwords.js";
import type { Candidate } from "./build-candidates.js";
import { claimsMilestone } from "./claims-milestone.js";
import { hasFiniteVerb } from "./has-finite-verb.js";
import { isSetup, keepsPromise, promisedNumbers } from "./score-outcome.js";
import type { ScoredSentence } from "./score-sentences.js";
import { cosineSimilarity } from "./vectorize-sentences.js";
import { isInstruction, whyRole } from "./why-role.js";

/** Above this cosine two sentences say the same thing; only one of them is kept. */
export const NEAR_DUPLICATE = 0.6;

/** How the summary was chosen, for the enrichment's method. */
export type SummaryMethod = "thesis" | "action" | "lead" | "central" | "none";

/** True when the text opens on code ("$page.RenderString…", "Module#extend is…"): it reads as code. */
export function opensOnCode(text: string): boolean {
  return CODE_START.test(text);
}

/** True when `candidate` shares a sentence with, or repeats, any of `others`. */
export function isNearDuplicate(candidate: Candidate, others: readonly Candidate[]): boolean {
  return others.some((other) =>
    candidate.sentences.some((mine) =>
      other.sentences.some(
        (theirs: ScoredSentence) =>
          mine === theirs || cosineSimilarity(mine.vector, theirs.vector) > NEAR_DUPLICATE,
      ),
    ),
  );
}

// The thesis says what the article is about; an action sentence what was done.
const THESIS_BOOST = 2;
const ACTION_BOOST = 1.3;
const LEAD_BOOST = 1.15;
// Results and lessons belong to "Why it matters" (unless they say what was done, too).
const RESULTS_PENALTY = 0.85;
const SECTION_PENALTY = 0.8;
// "…cut our bill by 41%" in the title: the sentence that keeps that promise says what came of it.
const PROMISE_BOOST = 1.3;
const REPAIR_PENALTY = 0.9;
// Background and the problem statement: the reader wants what was done.
const SETUP_PENALTY = 0.6;
// Addressed to the reader ("you can…"): instructions rather than what the article did.
const SECOND_PERSON_PENALTY = 0.65;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b|\byou['’](?:re|ve|d|ll)\b/i;
// "All versions since 3.7 have also been updated": an addition to something said before ("…, but
// it has also added…" adds to its own first clause).
const ADDITION_PENALTY = 0.6;
export const ADDITION = /(?<!\bbut\b[^.;]*)\b(?:also|as well)\b|\btoo[.!]$/i;
// "Encourage encapsulation by having the caller tell…": an instruction, not what the article
// did; "Refactoring is the process of…": what a word means, background to the article.
const EXPOSITION_PENALTY = 0.6;
// "$page.RenderString finally supports shortcodes…": a summary that opens on code reads as code.
const CODE_START_PENALTY = 0.3;
const CODE_START = /^(?:[$@`{<.#]|\S*(?:\w\.\p{Lu}|\w\(|::|_\w|\w#\w))/u;
// "AWS rolled out a (powerful) new feature for Amazon S3", "…writes about another (great) use of
// Amazon Mechanical Turk": a thing left unnamed (no name, no clause saying what it does) tells the
// reader nothing the title did not; short, it is all the sentence says.
const VAGUE_PENALTY = 0.3;
const VAGUE =
  /\b(?:a|an|another|one more|some)\s+(?:(?:new|quick|short|little|nice)\s+)?(?:feature|use|way|thing|tool|update|addition|example|option|improvement|capability|post|announcement|change)s?\b(?!\s*(?:called|named|that|which|to\b|[:—–(“"]))/i;
const VAGUE_LENGTH = 100;
// "Matt covered a broad range of topics.": what was covered, left unnamed; no summary, no why.
export const VAGUE_COVERAGE =
  /\b(?:covered|covers|discussed|discusses|talked about|touched on|spoke about|explored|explores)\s+(?:a\s+(?:broad|wide|whole|huge|large)\s+(?:range|variety|array|number|host)\s+of|a\s+(?:variety|lot|bunch)\s+of|lots\s+of|many|several|various|numerous)\s+(?:different\s+)?(?:topics|subjects|things|themes|areas|issues)\b/i;
// "The Cosmos team is dedicated to improving features … over the next year", "In the future
// posts, Netflix will do an architectural deep dive…": what comes next, not what was done.
const FUTURE_PENALTY = 0.6;
const FUTURE =
  /\b(?:over the (?:next|coming) (?:few )?(?:weeks|months|years?|quarters?)|in the (?:near )?future|in (?:the )?(?:coming|upcoming) (?:weeks|months|years?)|next (?:year|quarter)|(?:future|upcoming|next) (?:blog )?posts?|will continue to|(?:is|are) (?:dedicated|committed) to (?:improving|making|building|growing))\b/i;
// "If the bucket's owner flags it as Requester Pays, then all … costs are paid by…": a sentence
// led by its condition tells how the thing works in one case, not what the article is about.
const CONDITION_PENALTY = 0.6;
const CONDITION_LEAD = /^(?:if|unless|in case|as long as|provided(?: that)?|whenever)\b[^,;]{3,},/i;
// A second sentence only when the first is short and the second nearly as good.
const SECOND_SENTENCE = 0.6;
const SHORT_SUMMARY = 110;
// A subject longer than this many words is no subject a second sentence can be told to share.
const MAX_SUBJECT = 10;

/** How strongly a candidate belongs in the summary. */
function summaryWeight(
  candidate: Candidate,
  firstParagraph: number,
  names: RegExp,
  publisher: string,
  titleWords: ReadonlySet<string>,
  shows: boolean,
): number {
  const first = candidate.sentences[0] as ScoredSentence;
  const isEarly = first.paragraph - firstParagraph <= 3;
  let weight = candidate.score;
  // "Aaron Patterson wrote … a library called Nokogiri" under "Nokogiri Is Released": what was
  // done to the thing the title names is the article's thesis, said as an action.
  const isDone =
    candidate.isAction || (publisher !== "" && candidate.text.startsWith(`${publisher} `));
  const isNamedAction = isDone && names.test(candidate.text);
  // A tutorial's step ("thoughtbot's example moves…") is what it shows, wherever it comes.
  if (((candidate.isThesis || isNamedAction) && isEarly) || candidate.isStep)
    weight *= THESIS_BOOST;
  else if (candidate.isAction) weight *= ACTION_BOOST;
  if (first.paragraph === firstParagraph) weight *= LEAD_BOOST;
  if (first.inResults && !candidate.isAction) weight *= SECTION_PENALTY;
  if (isSetup(lastSentenceOf(candidate)) || isDiagnosis(candidate, firstParagraph))
    weight *= SETUP_PENALTY;
  // "The configuration driven Data Mesh Platform decreases…", named from the milestone before it
  // ("…reaches a new stage."): the claim whole, no riskier than the milestone alone.
  const milestone = claimsMilestone(first.text);
  if (milestone && candidate.sentences.length === 1) weight *= VAGUE_PENALTY;
  else if (candidate.isRepaired && !milestone) weight *= REPAIR_PENALTY;
  if (SECOND_PERSON.test(candidate.text)) weight *= SECOND_PERSON_PENALTY;
  if (ADDITION.test(lastSentenceOf(candidate))) weight *= ADDITION_PENALTY;
  if (candidate.text.length < 60) weight *= 0.7;
  if (!candidate.isStep && isExposition(candidate.text, titleWords, shows))
    weight *= EXPOSITION_PENALTY;
  if (opensOnCode(candidate.text)) weight *= CODE_START_PENALTY;
  if (
    (candidate.text.length < VAGUE_LENGTH && VAGUE.test(candidate.text)) ||
    VAGUE_COVERAGE.test(candidate.text)
  )
    weight *= VAGUE_PENALTY;
  if (!candidate.isThesis && FUTURE.test(candidate.text)) weight *= FUTURE_PENALTY;
  if (CONDITION_LEAD.test(candidate.text)) weight *= CONDITION_PENALTY;
  return weight;
}

/**
 * "By accessing the data property, Unity allocates an additional 400MB of memory…": past the
 * opening, what went wrong with nothing fixed is a step of the diagnosis, a detail of one
 * section; the opening's problem is where the post starts and says what it is about.
 */
function isDiagnosis(candidate: Candidate, firstParagraph: number): boolean {
  const first = candidate.sentences[0] as ScoredSentence;
  return first.paragraph !== firstParagraph && whyRole(lastSentenceOf(candidate)) === "problem";
}

/**
 * The best candidate for the summary (and a second one when the first is short and another is
 * nearly as good and fits in `max` characters with it), in article order. `results` (outcomes
 * and lessons) weigh less: a summary says what was done, "Why it matters" what came of it.
 */
export function selectSummary(
  candidates: readonly Candidate[],
  results: ReadonlySet<Candidate>,
  title: string,
  max = 300,
  publisher = "",
): { chosen: Candidate[]; method: SummaryMethod } {
  const names = titleNames(title, publisher);
  const titleWords = new Set(contentWords(title));
  const firstParagraph = Math.min(
    ...candidates.map((candidate) => candidate.sentences[0]?.paragraph ?? 0),
  );
  const promised = promisedNumbers(title);
  // "thoughtbot's example moves player generation…": the post shows what was done, and that,
  // not what the title's idiom means, is its summary.
  const shows = candidates.some((candidate) => candidate.isAction);
  const weights = new Map<Candidate, number>();
  for (const candidate of candidates) {
    let weight = summaryWeight(candidate, firstParagraph, names, publisher, titleWords, shows);
    if (results.has(candidate)) {
      if (keepsPromise(candidate.text, promised)) weight *= PROMISE_BOOST;
      else if (!candidate.isAction) weight *= RESULTS_PENALTY;
    }
    weights.set(candidate, weight);
  }
  const weigh = (candidate: Candidate) => weights.get(candidate) ?? 0;
  const ranked = [...candidates].sort(
    (a, b) => weigh(b) - weigh(a) || (a.sentences[0]?.index ?? 0) - (b.sentences[0]?.index ?? 0),
  );
  // "You…" in a summary talks to the reader instead of naming who did the work: last resort.
  const thirdPerson = ranked.filter((candidate) => !SECOND_PERSON.test(candidate.text));
  const [first, ...rest] = thirdPerson.length > 0 ? thirdPerson : ranked;
  if (first === undefined) return { chosen: [], method: "none" };
  const method = methodOf(first, firstParagraph);
  if (first.text.length >= SHORT_SUMMARY) return { chosen: [first], method };
  // Only a neighbour: two sentences from far apart read as two unrelated claims.
  const second = rest.find(
    (candidate) =>
      !results.has(candidate) &&
      candidate.sentences.length + first.sentences.length <= 2 &&
      isNeighbour(candidate, first) &&
      sharesSubject(candidate, first) &&
      candidate.text.length >= 60 &&
      weigh(candidate) >= SECOND_SENTENCE * weigh(first) &&
      first.text.length + 1 + candidate.text.length <= max &&
      !isNearDuplicate(candidate, [first]),
  );
  if (second === undefined) return { chosen: [first], method };
  const chosen = [first, second].sort(
    (a, b) => (a.sentences[0]?.index ?? 0) - (b.sentences[0]?.index ?? 0),
  );
  return { chosen, method };
}

/**
 * The names in a title (its capitalized words but the publisher's and common words), as a
 * pattern that finds them capitalized past a sentence's first word; one that never matches
 * when there are none.
 */
function titleNames(title: string, publisher: string): RegExp {
  const own = new Set(publisher.toLowerCase().split(/\s+/));
  const words = (title.match(/\p{L}[\p{L}\p{N}'’-]{2,}/gu) ?? []).filter(
    (word) =>
      /^\p{Lu}/u.test(word) && !own.has(word.toLowerCase()) && !STOPWORDS.has(word.toLowerCase()),
  );
  if (words.length === 0) return /(?!)/;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(String.raw`(?<=\S\s+["“]?)(?:${escaped.join("|")})(?![\p{L}\p{N}])`, "u");
}

/**
 * An instruction to the reader, or what a word means when the word is not one the title names:
 * its subject (the words before "is", "are" or "means", past a leading phrase) shares no word
 * with the title. When the article `shows` what was done, what the title's word means is
 * background too.
 */
function isExposition(text: string, titleWords: ReadonlySet<string>, shows: boolean): boolean {
  if (isInstruction(text)) return true;
  if (whyRole(text) !== "definition") return false;
  if (shows) return true;
  const subject = DEFINED.exec(text)?.[1] ?? "";
  return !contentWords(subject).some((word) => titleWords.has(word));
}

// The defined words: "In OOP, objects are…" → "objects", "“Tell, don't ask” is a way…".
const DEFINED =
  /^(?:(?:in|from|for|within|to) [^,]{2,40}, )?(.{2,60}?)\s+(?:is|are|means|refers|stands)\b/iu;

/** The lowercased words of a text but stopwords, quotes and apostrophes left out. */
function contentWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, "")
      .match(/[\p{L}\p{N}][\p{L}\p{N}.-]*/gu) ?? []
  )
    .map((word) => word.replace(/[.-]+$/, ""))
    .filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/** The article's own last sentence of a candidate: a joined pair is judged by where it ends. */
export function lastSentenceOf(candidate: Candidate): string {
  return candidate.sentences.at(-1)?.text ?? candidate.text;
}

/**
 * "Imperative code asks…" after "“Tell, don’t ask” is a way…" starts another claim; "Dhevi
 * joined Netflix…" after "Dhevi Rajendran is a Data Engineer…" goes on about the same subject.
 * True when the two subjects (the words before each one's first verb) share a word.
 */
function sharesSubject(a: Candidate, b: Candidate): boolean {
  const subject = new Set(subjectWords(a.text));
  return subjectWords(b.text).some((word) => subject.has(word));
}

// The content words before a sentence's first finite verb; none when no verb comes early.
function subjectWords(text: string): string[] {
  const words = text.split(/\s+/).slice(0, MAX_SUBJECT + 1);
  for (let at = 1; at < words.length; at++) {
    if (hasFiniteVerb(words.slice(0, at + 1).join(" "))) {
      return contentWords(words.slice(0, at).join(" "));
    }
  }
  return [];
}

function isNeighbour(a: Candidate, b: Candidate): boolean {
  const startA = a.sentences[0]?.index ?? 0;
  const endA = a.sentences.at(-1)?.index ?? 0;
  const startB = b.sentences[0]?.index ?? 0;
  const endB = b.sentences.at(-1)?.index ?? 0;
  return startA === endB + 1 || startB === endA + 1;
}

function methodOf(candidate: Candidate, firstParagraph: number): SummaryMethod {
  if (candidate.isThesis) return "thesis";
  if (candidate.isAction) return "action";
  return candidate.sentences[0]?.paragraph === firstParagraph ? "lead" : "central";
}
