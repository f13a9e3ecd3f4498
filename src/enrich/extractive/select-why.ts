import { STOPWORDS } from "../stopwords.js";
import { tokenizeWords } from "../tokenize-words.js";
import { addressUsers } from "./address-users.js";
import type { Candidate } from "./build-candidates.js";
import {
  findFigures,
  isBackground,
  isSetup,
  keepsPromise,
  promisedNumbers,
  scoreOutcome,
  statesLaunch,
  statesLesson,
} from "./score-outcome.js";
import {
  ADDITION,
  isNearDuplicate,
  lastSentenceOf,
  opensOnCode,
  VAGUE_COVERAGE,
} from "./select-summary.js";
import { statedTakeaway, whyRole, withoutGenericYou } from "./why-role.js";

/** What "Why it matters" states, for the enrichment's method ("update": a security release's advice). */
export type WhyMethod = "outcome" | "lesson" | "launch" | "benefit" | "update" | "context" | "none";

const RESULTS_BONUS = 3;
const LATE_BONUS = 2;
// The result the title promises ("…from 480 ms to 95 ms") is the one to report.
const PROMISED_BONUS = 4;
// A lesson the authors state in so many words is what an engineer takes away.
const LESSON_BONUS = 3;
// A benefit without a figure ("It is now easier to find the logs…") is an outcome, if a modest one.
const BENEFIT_STRENGTH = 2;

/**
 * "Why it matters": the candidate that best states an outcome (a measured change), a lesson the
 * authors draw or a launch that lets readers do something new, never background or the problem
 * statement, and not repeating the summary; with a lesson next to a result when both fit in `max`
 * characters. Without one, a benefit or the most central sentence of `others` that is not
 * background (see selectContext); nothing when none is left: an honest blank beats a wrong reason.
 * A why with nothing but a lesson drawn in passing or its centrality to show for itself is about
 * the article's subject (`title`, `summary`), or not given.
 */
export function selectWhy(
  outcomes: readonly Candidate[],
  summary: readonly Candidate[],
  max = 300,
  others: readonly Candidate[] = [],
  title = "",
): { chosen: Candidate[]; method: WhyMethod } {
  const said = new Set(summary.flatMap((candidate) => contentWords(candidate.text)));
  const isOnSubject = subjectOf(title, summary);
  const fresh = (candidate: Candidate) =>
    isReason(candidate) &&
    !isNearDuplicate(candidate, summary) &&
    !repeats(candidate.text, said) &&
    !opensOnCode(candidate.text) &&
    !FIRST_PERSON.test(candidate.text) &&
    isOnSubject(candidate);
  const ranked = toUsers(outcomes).filter(fresh);
  const [first, ...rest] = ranked;
  // "You will be facilitating…": with no result, a sentence told to the reader is advice.
  const context = others.filter((candidate) => !addressesReader(candidate.text));
  if (first === undefined) return selectContext(toUsers(context).filter(fresh));
  const method = whyMethodOf(first);
  // "The team also learned to set accurate resource requests." adds to a sentence of its own
  // paragraph, not to the result beside it: as a second sentence its "also" points at nothing.
  const fits = rest.filter(
    (candidate) =>
      first.text.length + 1 + candidate.text.length <= max &&
      !isNearDuplicate(candidate, [first]) &&
      !(ADDITION.test(lastSentenceOf(candidate)) && !followsOn(candidate, first)),
  );
  // A result and the lesson drawn from it say more together than two results; two results of
  // one sentence each ("…less than 1% of CPU…", "…billions of flow logs per hour…") say how much
  // and how far, in the two sentences of the digest's register.
  const second =
    fits.find((candidate) => statesLesson(candidate.text) !== statesLesson(first.text)) ??
    (first.text.length < 120 ? fits[0] : undefined) ??
    (first.sentences.length === 1
      ? fits.find((candidate) => candidate.sentences.length === 1)
      : undefined);
  if (second === undefined || first.text.length > 180) return { chosen: [first], method };
  const chosen = [first, second].sort(
    (a, b) => (a.sentences[0]?.index ?? 0) - (b.sentences[0]?.index ?? 0),
  );
  return { chosen, method };
}

// The candidate starts right after `first` ends, in the same paragraph.
function followsOn(candidate: Candidate, first: Candidate): boolean {
  const end = first.sentences.at(-1);
  const start = candidate.sentences[0];
  return (
    end !== undefined &&
    start !== undefined &&
    start.index === end.index + 1 &&
    start.paragraph === end.paragraph
  );
}

/**
 * False for what is never a reason, though it may state a result and so stay among the outcomes
 * the summary weighs: advice, a definition, a goal or plan, a crash with no fix, a joined pair
 * that opens on background ("In September the team set out to…"), a step of a how-to and a
 * caveat ("…but should work in most cases").
 */
function isReason(candidate: Candidate): boolean {
  const role = whyRole(candidate.text);
  const first = candidate.sentences[0];
  return (
    (role === undefined || role === "benefit") &&
    !(first && (isBackground(first.text) || TIMELINE.test(first.text))) &&
    !ANNOUNCING.test(candidate.text) &&
    !(DATED.test(candidate.text) && isPastState(candidate.text)) &&
    !(
      REQUIRED.test(candidate.text) &&
      !BENEFIT.test(candidate.text) &&
      !statesLesson(candidate.text)
    ) &&
    // "The final encoded copy needs to be persisted… To serve such applications, Netflix Drive
    // can…": a pair that opens on what must be done is the requirement its second answers.
    !(candidate.sentences.length > 1 && first && REQUIRED.test(first.text)) &&
    !candidate.sentences.some((sentence) => SEQUENCED.test(sentence.text)) &&
    !(CAVEAT.test(candidate.text) && !statesResult(candidate))
  );
}

// "…the first known case of COVID-19 was identified in December 2019, which was…": an event of a
// given month, told in the past, is history the story starts from.
const DATED =
  /\b(?:in|on|since|by|until) (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2},?)? (?:19|20)\d\d\b/;
// "Dub scripts, … and Subtitles all need to be authored in complex tools…": what the work must
// do is the requirement it answers, not what came of it.
const REQUIRED = /\b(?:needs?|has|have) to be (?:\w+ly )?\p{L}+(?:ed|en)\b/iu;

// "The final part is cross compiling the extension.", "Once that is completed, it is time to
// package the gem.": a tutorial's place in its sequence, a step of the how-to.
const SEQUENCED =
  /^(?:the )?(?:first|second|third|fourth|next|final|last) (?:part|step|stage|phase)\b|\bit(?:['’]s| is) (?:now )?time to\b/i;

// "For starters, it's easier than ever…": the first item of a list the why is not; the rest
// stands alone.
const ENUMERATING =
  /^(?:[Ff]or starters|[Ff]irst of all|[Ff]irstly|[Ff]irst off|[Tt]o begin with|[Tt]o start with),\s+(?=\p{Ll})/u;

// "Applying solutions within a vacuum … has a few downsides.", "There are two ways to find the
// answer.": a sentence that ends announcing what it has and does not name is a lead-in to a list
// ("…have fixed three problems." counts a result).
const ANNOUNCING =
  /\b(?:has|have|had|there (?:are|were)|comes? with) (?:a few|several|some|many|a number of|a couple of|two|three|four|five) (?:\w+ )?(?:downsides|drawbacks|benefits|advantages|upsides|pitfalls|problems|reasons|ways|things|lessons|options|tips|steps)(?: to(?: \w+){1,4})?[.!:]$/i;

// "At 13:55 an engineer merged…": a line of an incident's timeline.
const TIMELINE = /^(?:at|by|around|until) \d{1,2}[:.]\d\d\b/i;

/** Candidates with the reader said as "users"; advice and those that cannot be said so are left out. */
function toUsers(candidates: readonly Candidate[]): Candidate[] {
  return candidates.flatMap((candidate) => {
    if (whyRole(candidate.text) === "advice") return [];
    const takeaway = statedTakeaway(candidate.text);
    // "…as long as you measure it honestly" is a lesson for teams; "You can now build…" is for users.
    const isLesson =
      takeaway !== undefined || statesLesson(candidate.text) || generalizes(candidate.text);
    const said = (takeaway ?? candidate.text).replace(ENUMERATING, "");
    const opened = said.charAt(0).toUpperCase() + said.slice(1);
    const text = addressUsers(opened, isLesson ? "teams" : "users");
    if (text === undefined) return [];
    return text === candidate.text ? [candidate] : [{ ...candidate, text }];
  });
}

// What stands on its own as a reason, whatever words it uses: a lesson the authors name.
const NAMED_LESSON = /\b(?:lessons?|takeaways?)\b|\blearn(?:ed|t) (?:that|to|how)\b/i;
// "Organizations … can now use DevPay to…": what someone can now do is a launch.
const NEW_ABILITY = /\bcan now\b/i;
// A title of fewer content words names no subject to be about ("v0.95.0").
const SUBJECT_WORDS = 2;

/**
 * Whether a why is about the article's subject: it shares a word with the title or the summary,
 * or has its own evidence (a result, a benefit, a launch, a lesson the authors name or draw for
 * everyone). "Going from development to production takes a few steps, which means it can be
 * scripted", under "Solve Problems, not Strawmen", is a passing remark of one section, not why
 * the essay matters.
 */
function subjectOf(
  title: string,
  summary: readonly Candidate[],
): (candidate: Candidate) => boolean {
  const titleWords = new Set(tokenizeWords(title));
  if (titleWords.size < SUBJECT_WORDS) return () => true;
  const subject = new Set([
    ...titleWords,
    ...summary.flatMap((candidate) => tokenizeWords(candidate.text)),
  ]);
  return ({ text, sentences }) =>
    findFigures(text).length > 0 ||
    (scoreOutcome(text, sentences[0]?.inResults) > 0 && !statesLesson(text)) ||
    whyRole(text) === "benefit" ||
    statesLaunch(text) ||
    NEW_ABILITY.test(text) ||
    NAMED_LESSON.test(text) ||
    generalizes(text) ||
    tokenizeWords(text).some((word) => subject.has(word));
}

// A first person the rewrite left ("…a reality—we’re excited…") is the publisher talking, not a
// reason said of its work.
const FIRST_PERSON =
  /\b(?:[Ww]e|[Ww]e['’](?:re|ve|ll|d)|us|[Oo]urs?|[Oo]urselves|I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b/;

/** True when half the why's words are already in the summary: it would say it twice. */
function repeats(text: string, said: ReadonlySet<string>): boolean {
  const words = contentWords(text);
  return words.length >= 3 && words.filter((word) => said.has(word)).length / words.length >= 0.5;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

// What a capability is good for: "lets teams…", "no longer needs…", "makes it easier to…",
// "users can gain access… more easily than ever", "consumers get fast parsing"; how little it
// asks: "Earworm just needs a MusicDNS key and a file name…", "Nokogiri can be used as a drop
// in replacement!" (for what the paragraph before names).
const BENEFIT =
  /\b(?:(?:just|only) needs?|drop[- ]in replacement|lets?|allows?|enables?|helps?(?=\s+\w)|(?:users|consumers|customers|developers|teams|engineers|sites) (?:get|gain)|makes? it (?:possible|easy|easier)|can now|no longer|so that|which means|means,? (?:among other things,? )?that|easier|faster|simpler|safer|cheaper|more (?:reliable|easily|quickly|safely|cheaply)|instead of)\b/i;

// "February has been a busy month for WordPress.", "There’s a lot going on…": filler, no reason.
const FILLER =
  /\b(?:has been|have been|was|is|were) (?:a |an )?(?:very |really )?(?:busy|exciting|eventful|big|great|productive) (?:month|week|year|quarter|time|few (?:weeks|months))\b|\bthe main (?:topic|theme) of this\b|\bthere['’]s (?:a lot|so much) (?:going on|happening)\b/i;
// "…will be held at 2 PM on January 14th", "…happened on December 14", "…is slated for release
// on January 25", "Werner Vogels will be in attendance at this unique event": an event's
// logistics are no reason.
const LOGISTICS =
  /\bwill be (?:in attendance|attending|speaking|presenting)\b|\b\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b(?:happened|took place|was held|will be held|will take place|takes place|is scheduled) (?:on|at|in)\b|\b(?:is|are) (?:slated|scheduled|targeted|planned) for\b/i;
// "…shares a carol of thanks and shows her gratitude to…": thanks are no reason ("thanks to the
// cache" is a cause). A podcast about thanks may still be summarized by it.
const GRATITUDE = /\b(?:gratitude|appreciation)\b|\bthanks\b(?! to\b)/i;
// "…are candidates for Best Design", "…is up for Best Overall": a vote or an award is news, not
// a reason.
const NOMINATION =
  /\b(?:(?:are|is|were|was) (?:candidates?|finalists?|nominees?|nominated|shortlisted|up) for\b|finalists? (?:in|for)\b|please vote\b)/i;
// "The following folks contributed to this Month in WordPress: @anjanavasan…": credits.
const CREDITS = /\bcontributed to this\b|@[\w-]+[,;]?\s+(?:and\s+)?@[\w-]+/i;
// "The first sample files were bigger than 400MB.", "Production was halted while…": how things
// were, said with "was/were" and no verb in the present, is the story's setup; a reason is said
// of now ("…is now easier", "…has been piloting…").
const PAST_STATE = /\b(?:was|were)\b/i;
// "it's", "they're": a contraction; "Aaron Patterson's workflow" is a possessive, no verb.
const PRESENT =
  /\b(?:is|are|has|have|can|will|does|do|lets|makes|means|needs|allows|gives|keeps|stays|remains)\b|['’](?:re|ve|ll)\b|\b(?:it|that|there|here|what|who|he|she)['’]s\b/i;

function isPastState(text: string): boolean {
  return PAST_STATE.test(text) && !PRESENT.test(text);
}

// "Aaron Patterson went to Japan a few weeks ago for vacation…": what happened a while ago is the
// story, not a reason.
const RECOUNTED =
  /\b(?:(?:a (?:few|couple of)|several|\d+|two|three) (?:days|weeks|months|years)|long) ago\b|\bon (?:a )?vacation\b|\bfor (?:a )?(?:vacation|holiday)\b/i;

// "Nokogiri doesn't reproduce the bugs that are in Hpricot, but should work in most cases.": a
// caveat hedges what something does, it says nothing that changes for the reader (a result it
// hedges is still a result).
const CAVEAT =
  /\b(?:should|may|might|ought to) (?:still |mostly |usually )?work\b|\bin most cases\b/i;

// "The v0.97.x release has been an Easter riddle.", "There are a few significant moments in the
// history of the project.": what something is or was, a copula and a noun phrase and nothing
// else, names no consequence (an outcome or benefit is found before this fallback).
const CHARACTERIZED =
  /^(?:there (?:is|are|was|were)|[^,;:]{2,60}? (?:is|are|was|were|has been|have been)) (?:an?|one of (?:the|them))\b[^,;:]{0,80}[.!]$/i;

// "You" as someone who acts; "your environment" may still be a benefit, and "the way you would
// expect" is anyone's expectation.
const ADDRESSES_READER = /\byou(?:['’](?:re|ve|d|ll))?\b/i;

function addressesReader(text: string): boolean {
  return ADDRESSES_READER.test(withoutGenericYou(text));
}

/**
 * With no outcome, lesson or launch: a sentence saying what something is good for ("benefit"),
 * else the most central sentence that is not background ("context", which the confidence marks
 * for the editor); nothing when none is left.
 */
function selectContext(candidates: readonly Candidate[]): {
  chosen: Candidate[];
  method: WhyMethod;
} {
  // "You demand from life what you want": advice to the reader is no reason, absent a result;
  // "Aaron Patterson wrote an XML/HTML parsing library…" says what was done: the summary's job.
  const usable = candidates
    .filter(
      (candidate) =>
        !candidate.isThesis &&
        !isSetup(lastSentenceOf(candidate)) &&
        !addressesReader(candidate.text) &&
        !LOGISTICS.test(candidate.text) &&
        !GRATITUDE.test(candidate.text) &&
        !NOMINATION.test(candidate.text) &&
        !CREDITS.test(candidate.text) &&
        !isPastState(candidate.text) &&
        !RECOUNTED.test(candidate.text) &&
        !VAGUE_COVERAGE.test(candidate.text) &&
        !CHARACTERIZED.test(candidate.sentences[0]?.text ?? candidate.text) &&
        !candidate.isAction,
    )
    .sort((a, b) => b.score - a.score);
  const benefit = usable.find((candidate) => BENEFIT.test(candidate.text));
  if (benefit !== undefined) return { chosen: [benefit], method: "benefit" };
  const [central] = usable.filter((candidate) => !FILLER.test(candidate.text));
  return central === undefined
    ? { chosen: [], method: "none" }
    : { chosen: [central], method: "context" };
}

/** Candidates that state an outcome, lesson or launch, strongest first. */
export function rankOutcomes(candidates: readonly Candidate[], title: string): Candidate[] {
  const promised = promisedNumbers(title);
  const total = Math.max(1, ...candidates.map((candidate) => candidate.sentences[0]?.index ?? 0));
  const lastParagraph = Math.max(
    0,
    ...candidates.map((candidate) => candidate.sentences[0]?.paragraph ?? 0),
  );
  const strength = new Map<Candidate, number>();
  for (const candidate of candidates) {
    const first = candidate.sentences[0];
    if (first === undefined) continue;
    const isClosing = first.paragraph >= lastParagraph - 1;
    // "In this post we showed how the cache cut build times by half", in the conclusion, says what
    // came of the work; the thesis at the top says what the article is about.
    if (candidate.isThesis && !isClosing && !first.inResults) continue;
    const text = candidate.text;
    if (isSetup(lastSentenceOf(candidate))) continue;
    const role = whyRole(text);
    const outcome =
      scoreOutcome(text, first.inResults) +
      (statesLaunch(text) ? 2 : 0) +
      (role === "benefit" ? BENEFIT_STRENGTH : 0) +
      (statesLesson(text) || (isClosing && generalizes(text)) ? LESSON_BONUS : 0);
    if (outcome === 0) continue;
    const keeps = keepsPromise(text, promised) ? 1 : 0;
    const placement = first.inResults ? RESULTS_BONUS : 0;
    const lateness = (LATE_BONUS * first.index) / total;
    strength.set(candidate, outcome + placement + lateness + PROMISED_BONUS * keeps);
  }
  return [...strength.entries()]
    .sort(
      ([a, outcomeA], [b, outcomeB]) =>
        outcomeB + 2 * b.score - (outcomeA + 2 * a.score) ||
        (a.sentences[0]?.index ?? 0) - (b.sentences[0]?.index ?? 0),
    )
    .map(([candidate]) => candidate);
}

/** True when the candidate reports a result or a lesson (not only a launch): kept for the why. */
export function statesResult(candidate: Candidate): boolean {
  return scoreOutcome(candidate.text, candidate.sentences[0]?.inResults ?? false) > 0;
}

// "Dependency upgrades … can still change behaviour…": a closing claim about the world at large.
const GENERAL =
  /\b(?:can still|should|must|(?:is|are) (?:often|usually|rarely|worth)|pays to|tends? to|rarely|always|never)\b/i;

// "Doctoral candidates everywhere should take note." is a nod, not a lesson: a lesson says what.
const LESSON_WORDS = 10;

function generalizes(text: string): boolean {
  return GENERAL.test(text) && !/\d/.test(text) && text.split(/\s+/).length >= LESSON_WORDS;
}

function whyMethodOf(candidate: Candidate): WhyMethod {
  // The lesson the authors named, already without its lead-in ("If you only take away…:").
  if (candidate.sentences.some((sentence) => statedTakeaway(sentence.text) !== undefined))
    return "lesson";
  if (statesLesson(candidate.text) || generalizes(candidate.text)) return "lesson";
  if (
    scoreOutcome(candidate.text, candidate.sentences[0]?.inResults ?? false) > 0 ||
    whyRole(candidate.text) === "benefit"
  )
    return "outcome";
  return "launch";
}
