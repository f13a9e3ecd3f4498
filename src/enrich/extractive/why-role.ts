import { findFigures } from "./score-outcome.js";

// What a sentence does for "Why it matters" beyond its figures and verbs of change (English):
// a benefit stated without a number is a reason; a definition, advice to the reader or a nod
// ("…should take note") never is.

/**
 * The role of a sentence for the why: `benefit` (an outcome without a figure: "It is now easier
 * for the on-call engineer to find…", "The number of support tickets has decreased"), `definition`
 * (background: "Release Candidate means…", "Refactoring is the process of…"), `advice` (to the
 * reader: "You never know…", "Doctoral candidates everywhere should take note."), `goal` (what
 * the authors set out to do or plan, with no result in it: "Netflix wanted to lower the
 * barrier…"), `problem` (what went wrong, with nothing fixed: "The iPhone 6, with 1GB of RAM,
 * crashed like a piano dropped from a helicopter."), or undefined.
 */
export type WhyRole = "benefit" | "definition" | "advice" | "goal" | "problem";

const BENEFIT = new RegExp(
  [
    // "It is now easier for…", "deploys became much faster"
    String.raw`\b(?:is|are|was|were|has become|have become|becomes?|became|got|gets)\s+(?:now\s+)?(?:much\s+|far\s+|a lot\s+|significantly\s+|considerably\s+)?(?:easier|faster|simpler|safer|cheaper|quicker|more (?:reliable|efficient|predictable|productive|accurate|consistent|secure|resilient))\b`,
    // "The number of support tickets has decreased."
    String.raw`\b(?:has|have)\s+(?:\w+ly\s+)?(?:decreased|dropped|fallen|declined|shrunk|gone down|improved|disappeared|stopped)\b`,
    // "Teams no longer need to learn…"
    String.raw`\bno longer (?:need|needs|have to|has to|require|requires|must|wait|waits|depend|depends)\b`,
    // "a real time saver", "saves hours of debugging"
    String.raw`\b(?:time|money|life)[- ]savers?\b|\bsav(?:e|es|ed|ing) (?:\w+ )?(?:time|money|effort|hours|days|weeks|engineering)\b`,
    // "…which can be useful when debugging errors"
    String.raw`\b(?:can be|is|are) (?:very |really |especially |particularly )?(?:useful|handy|helpful|valuable)\b`,
    // "greatly reduces memory consumption"
    String.raw`\b(?:greatly|significantly|considerably|dramatically|substantially|drastically|vastly|noticeably)\s+(?:reduc|improv|increas|lower|simplif|speed|sped|cut|shorten|boost)\w*`,
    // "…can reuse the same byte array and never have to allocate more space", "…save them without
    // using unnecessary RAM", "…without writing a single line of code": what is spared
    String.raw`\bnever (?:have|has|need|needs) to\b|\bwithout (?:using|needing|wasting|allocating|copying|writing|changing|rewriting)\b`,
    // "…students are free to focus on data collection", "leaving researchers free to…"
    String.raw`\b(?:are|is|be|being|leaves?|leaving|left)\s+(?:\w+\s+)?free to\b`,
    // "…is one of the benefits of using Netflix Drive", "the main advantage is…": said outright
    String.raw`\b(?:one of the|the (?:main|key|biggest|big|real|chief|first))\s+(?:benefits|advantages|upsides|wins|payoffs|benefit|advantage|upside|win|payoff)\b`,
    // "…includes new typefaces for better readability": what a change is for, said of the reader
    String.raw`\bfor (?:better|faster|easier|simpler|safer|smoother|quicker|improved) (?!or\b)\w+`,
    // "reduces infrastructure costs", "lowers the barrier for…"
    String.raw`\b(?:reduc|lower|cut|shorten)\w*\s+(?:the\s+)?(?:\w+\s+)?(?:costs?|latency|memory(?: use| usage| consumption)?|toil|overhead|load|downtime|errors|failures|bills?|lead time|barrier|friction|risk)\b`,
  ].join("|"),
  "i",
);

// "X means…", "X is the process of…", "A shortcode block is when…", "X is a well-covered topic":
// what a word means or how known it is.
const DEFINITION =
  /^(?!there (?:is|are) (?:a )?ways? to\b)(?:(?:a|an|the)\s+)?[\p{L}\p{N}“”"'’, -]{2,40}?\s+(?:means|refers to|stands for|is (?:short for|defined as)|(?:is|are) (?:a|an|the) (?:term|name|process|practice|technique|concept|notion|way|kind|type|family|set|collection) (?:of|for|to|that|which|where)|is (?:when|where)\b|(?:is|are) (?:a|an) (?:[\p{L}-]+ ){0,2}(?:topic|concept|term|principle|idea)\b)/iu;

// "The new sorting algorithm means among other things that text with accents gets ordered…":
// what follows from a change (a new thing, "this", "the update") is a consequence, not a meaning
// ("Transaction pooling means that many clients share…" still defines a term).
const CONSEQUENCE =
  /^(?:the new|this|that|these|those|the (?:change|update|fix|release|upgrade))\b[^.;]{0,60}?\bmeans,?(?: among other things,?)? that\b/i;

// "In OOP, objects are a blueprint with…", "From a paradigm perspective, Elixir is a functional
// language…": what a thing is (a short subject, "is/are a…", no figure), after the field or view
// it is said from; "What happens here is that…" explains how it works. Exposition, not a reason.
// "There is a way to download large files…" says that a way exists, not what a word means.
const GENERIC_DEFINITION =
  /^(?:[^,]{2,40}, )?(?!there (?:is|are) (?:a )?ways? to\b)(?:[\p{L}\p{N}.’'-]+ ){1,3}(?:is|are) (?:a|an) (?!(?:result|reason|outcome)\b)|^what happens (?:\w+ )?is that\b/iu;

// "QR Codes are basically really awesome bar codes.": what a thing is, hedged; "…presents as
// spinning up more servers; this is in comparison with vertical scaling…": a concept explained
// by what it is compared with. Exposition, not a reason.
const HEDGED_DEFINITION =
  /^(?:[\p{L}\p{N}.’'-]+ ){1,3}(?:is|are) (?:basically|essentially|fundamentally|simply|nothing (?:more|else) than)\b/iu;
const COMPARED = /\b(?:in (?:comparison|contrast) (?:with|to)|as opposed to|presents as)\b/i;
// "Imperative code asks questions…; declarative code issues a command…": two kinds of one thing
// set side by side.
const TWO_KINDS = /^(\p{L}+) (\p{L}+) [^;]{5,}; (\p{L}+) \2\b/iu;
// "Method missing is actually in the slop decorator.": where the code lives is a detail of how
// it is built, not what it does for anyone.
const WHERE_IN_CODE =
  /\b(?:is|are) (?:actually |really |just |all )?(?:implemented |defined |located |kept |hidden )?(?:in|inside) (?:the |a |an )?[\w.#:-]+ (?:decorator|class|module|file|method|function|header|namespace|mixin|helper|subclass)\b/i;

// An instruction with no subject, after up to two leading clauses: "Encourage encapsulation by
// having the caller tell…", "To implement acceptance criteria, …, provide a detailed description…".
const INSTRUCTION =
  /^(?:[^,“”"]{3,80}, ){0,2}(?:encourage|prefer|favou?r|avoid|use|keep|make|try|stop|start|consider|remember|think|don['’]t|never|always|be|treat|give|take|write|limit|separate|wrap|extract|push|ask|provide|include|describe|define|document|add|split|break)\s+(?!(?:is|are|was|were|has|have|had|can|could|will|would|should|may|might|must|does|did)\b)[\p{Ll}“"]/u;

// The reader as the one who acts or should: "You never know…", "…should take note.", "Imagine…".
const ADVICE =
  /^(?:(?:if|when|as|once|whether|unless) you\b|imagine\b|remember\b|think (?:more|about|of|twice)\b)|\byou(?:['’]d| had) better\b|\bgo ahead and\b|\blet['’]s\b|^lets\b|\bplease\b|\byou (?:never|always|should|must|need|have to|want|might|may|will want|would|could)\b|\b(?:should|must|need to) (?:take note|pay attention|keep in mind|think|consider|remember|read|watch|look|check)\b|\b(?:take note|keep in mind)\b/i;

// What the authors set out to do; a figure in the same sentence says what came of it ("…so users
// didn't need to…, could avoid…" is still the goal).
const GOAL =
  /\b(?:wanted|needed|aimed|hoped|set out|tried|wished|sought|decided|wants|aims|hopes|seeks) to\b|\b(?:goal|aim|objective|mission|intent) (?:is|was) to\b/i;
// What comes next is no result yet, whatever it promises to improve.
const PLAN =
  /\bmore work to do\b|\b(?:the|a) (?:first|next),? (?:small |big )?steps?\b|\b(?:is|are|was|were|been) planning\b|\bplans? to\b/i;
// What went wrong; the same sentence saying what was done about it is an outcome.
// "…, Unity allocates an additional 400MB of memory…" is a cost paid, not a saving.
const PROBLEM =
  /\b(?:crash(?:ed|es|ing)?|out of memory|(?:ran|runs?|running) out of|OOMs?|fail(?:ed|ing)|broke|went down|outages?|regress(?:ed|ion)|dropp(?:ed|ing) (?:\w+ )?(?:requests|queries|packets|connections|messages|events|traffic))\b|\b(?:allocat|consum|wast|copi|cop)\w* (?:an? )?(?:additional|extra|unnecessary|redundant)\b/i;
// "Since the rollout, 27% of all edits have been made offline, … because those edits failed":
// a measured share or factor is the result, the failure its background.
// "…returned errors for about 60% of requests during that window": what an outage cost, however
// measured, is the problem a postmortem starts from.
const IMPACT = /\bduring (?:the|that|this) (?:window|outage|incident|disruption|downtime)\b/i;
const MEASURED = /\d\s?(?:%|percent\b|x\b|×)/i;
const FIX =
  /\b(?:fix\w*|solv\w*|prevent\w*|avoid\w*|eliminat\w*|reduc\w*|no longer|resolv\w*|stopped|without|never again|fewer|fell|down to|went from|shorter|halved)\b|\bfrom \S+ (?:\S+ ){0,3}?to \S*\d/i;

// "If you only take away one thing from this post, it's this: …", "The key takeaway: …": the
// authors name their lesson, after the colon.
const TAKEAWAY =
  /^(?:if (?:you|readers?) (?:only )?(?:take away|remember|learn) (?:just )?(?:one|a single) thing\b[^:]{0,60}|(?:so,? )?the (?:key |main |big |biggest |one |real )?(?:takeaway|lesson|moral)(?: (?:here|of (?:the|this) story|from (?:this|all this|it)))?(?: (?:is|was))?(?: (?:simple|clear|this))?)\s*:\s+(\S.{15,})$/iu;

/**
 * The lesson a sentence names after its lead-in ("If you only take away one thing…: streams are
 * your friends." → "Streams are your friends."); undefined when it names none, or when the lesson
 * is an instruction ("The lesson: measure first."), which reads as one only with its lead-in.
 */
export function statedTakeaway(sentence: string): string | undefined {
  const lesson = namedLesson(sentence);
  return lesson === undefined || whyRole(lesson) === "advice" ? undefined : lesson;
}

function namedLesson(sentence: string): string | undefined {
  const lesson = TAKEAWAY.exec(sentence)?.[1];
  return lesson === undefined ? undefined : lesson.charAt(0).toUpperCase() + lesson.slice(1);
}

// "…gets ordered the way you would expect", "…faster than you'd think": "you" as anyone, in an
// idiom of expectation, tells the reader nothing to do.
const GENERIC_YOU =
  /\b(?:the way|as|than|what) you(?:['’]d| would| might| could| may)? (?:expect|think|imagine|hope|guess)\b/gi;

/** The sentence with "you" in an idiom of expectation ("the way you would expect") left out. */
export function withoutGenericYou(sentence: string): string {
  return sentence.replace(GENERIC_YOU, "");
}

/** The sentence's role for the why, when it has one besides stating figures or a lesson. */
export function whyRole(sentence: string): WhyRole | undefined {
  // The lesson named after the lead-in is what counts; an instruction there is still the lesson.
  const lesson = namedLesson(sentence);
  if (lesson !== undefined) {
    const role = whyRole(lesson);
    return role === "advice" ? undefined : role;
  }
  if (ADVICE.test(withoutGenericYou(sentence)) || isInstruction(sentence)) return "advice";
  if (definesTerm(sentence) || isExposition(sentence)) return "definition";
  if (PLAN.test(sentence) || (GOAL.test(sentence) && findFigures(sentence).length === 0))
    return "goal";
  if (PROBLEM.test(sentence) && !FIX.test(sentence) && !MEASURED.test(sentence)) return "problem";
  if (IMPACT.test(sentence) && !FIX.test(sentence)) return "problem";
  if (BENEFIT.test(sentence)) return "benefit";
  return undefined;
}

/** True for an instruction to the reader without a subject ("Encourage encapsulation by…"). */
export function isInstruction(sentence: string): boolean {
  return INSTRUCTION.test(sentence.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()));
}

/** True when the sentence says what a word means ("Refactoring is the process of…"). */
export function definesTerm(sentence: string): boolean {
  return DEFINITION.test(sentence) && !CONSEQUENCE.test(sentence);
}

function isExposition(sentence: string): boolean {
  const [, kind, thing, other] = TWO_KINDS.exec(sentence) ?? [];
  if (kind && thing && kind.toLowerCase() !== other?.toLowerCase() && !/\d/.test(sentence))
    return true;
  if (WHERE_IN_CODE.test(sentence)) return true;
  // "…is a sidecar that lets teams see every flow" says what it is for: a benefit.
  return (
    (GENERIC_DEFINITION.test(sentence) ||
      HEDGED_DEFINITION.test(sentence) ||
      COMPARED.test(sentence)) &&
    !/\d/.test(sentence) &&
    !/\b(?:lets?|allows?|enables?|helps?)\b/i.test(sentence)
  );
}

/** True when the text states a benefit without a figure ("…no longer need to…"). */
export function statesBenefit(text: string): boolean {
  return BENEFIT.test(text);
}
