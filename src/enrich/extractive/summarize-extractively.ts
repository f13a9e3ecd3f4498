import { isLinkPost } from "../../shared/link-post.js";
import { chooseCategory } from "../choose-category.js";
import { joinSentences } from "../clip-text.js";
import { countReadMinutes } from "../count-read-minutes.js";
import type { ScoredTag, TagInput } from "../extract-tags.js";
import { MAX_CHARS } from "../max-chars.js";
import { capitalizeNameAtStart } from "../publisher-name.js";
import type { SummarizeInput, Summary } from "../types.js";
import { adviseUpdate } from "./advise-update.js";
import { articleSentences } from "./article-sentences.js";
import { buildCandidates, type Candidate } from "./build-candidates.js";
import type { DetectLanguage } from "./detect-language.js";
import { isProfile, rewriteInterview } from "./profile.js";
import { rateConfidence } from "./rate-confidence.js";
import { readBlocks } from "./read-blocks.js";
import type { Voice } from "./rewrite-third-person.js";
import { type ScoredSentence, scoreSentences } from "./score-sentences.js";
import { selectNeutral } from "./select-neutral.js";
import { selectSummary } from "./select-summary.js";
import { rankOutcomes, selectWhy, statesResult } from "./select-why.js";
import { summarizeRelease } from "./summarize-changelog.js";
import { summarizeLinks } from "./summarize-links.js";
import { summarizeRoundup } from "./summarize-roundup.js";
import { dropSummingUp, dropVerdict } from "./tidy-wording.js";
import { articleVoice, voiceOf } from "./voice-of.js";

/** At most this many tags per article. */
export const MAX_TAGS = 5;
// In a module of its own, which the CLI reads at start without the summarizer; re-exported here.
export { MAX_CHARS } from "../max-chars.js";

// Keeps the quadratic similarity graph small for book-length input; the lede is at the top.
const MAX_SENTENCES = 250;

/**
 * Summarizes one article from its own sentences. Order matters:
 * blocks from the HTML (headings, lists, quotes, code and captions told apart) → sentences →
 * language → score → candidates that stand alone, in the third person → reserve the outcomes
 * for "why" → the summary → "why" (English only: an outcome, a lesson or a launch, or nothing)
 * → tags → category from the tags → read time → confidence.
 */
export function summarizeExtractively(
  input: SummarizeInput,
  extractTags: (input: TagInput) => ScoredTag[],
  detectLanguage: DetectLanguage,
): Summary {
  const sentences = articleSentences(readBlocks(input), MAX_SENTENCES);
  const prose = sentences.filter((sentence) => sentence.block === "prose");
  // A title alone is too little to tell a language by.
  const { language, guess } =
    prose.length === 0
      ? {}
      : detectLanguage(`${input.title}\n${prose.map((sentence) => sentence.text).join(" ")}`);
  // English rules (cue words, stopwords, rewrites) only for English, and for text too short to tell.
  const isEnglish = (guess ?? "en") === "en";
  const scored = scoreSentences(sentences, input.title, isEnglish);
  const publisher = voiceOf(input);
  const voice = isEnglish
    ? articleVoice(
        publisher,
        prose.map((sentence) => sentence.text),
        sentences.map((sentence) => sentence.text),
      )
    : publisher;
  const candidates = buildCandidates(scored, voice, isEnglish, input.title, MAX_CHARS, publisher);
  const chosen = isEnglish
    ? chooseEntry(candidates, input.title, voice?.name)
    : { summary: selectNeutral(candidates, guess), why: NO_WHY };
  const { summary } = chosen;
  const profile = isEnglish && isProfile(input.title);
  // A post of links has no reason in common: one item's news is not why to read it.
  const links = isEnglish && isLinkPost(input.title);
  // A person's career or hobbies is no outcome or lesson for the reader: no why. A security
  // release's advice to update is its why.
  const update = isEnglish ? adviseUpdate(scored, input.title, MAX_CHARS) : undefined;
  const why =
    profile || links
      ? NO_WHY
      : update
        ? { chosen: [update], method: "update" as const }
        : chosen.why;
  const tags = extractTags(input).slice(0, MAX_TAGS);
  // Release notes: a changelog's first entry or the headline of the notes, said of the release;
  // a round-up or a post of links: what it covers.
  const release = isEnglish
    ? (summarizeRelease(scored, voice, input.title, textsOf(summary.chosen)) ??
      roundupOf(sentences, input, voice) ??
      (links ? linksOf(input, publisher) : undefined))
    : undefined;
  const opening = (text: string) =>
    capitalizeNameAtStart(text, voice?.name ?? publisher?.name ?? "");
  return {
    // With no usable sentence (empty text, only headings) there is nothing to say: repeating
    // the title, which the email shows right above, would only look like a summary.
    summary: opening(
      release?.text ??
        (profile
          ? rewriteInterview(
              joinSentences(textsOf(summary.chosen), MAX_CHARS),
              input.title,
              publisher,
            )
          : joinSentences(textsOf(summary.chosen), MAX_CHARS)),
    ),
    why: opening(joinSentences(textsOf(why.chosen), MAX_CHARS)),
    tags: tags.map((tag) => tag.tag),
    category: chooseCategory(tags),
    readMinutes: countReadMinutes(input.text),
    ...(language !== undefined ? { language } : {}),
    method: `${release?.method ?? summary.method}+${why.method}`,
    confidence: rateConfidence({
      method: release?.method === "headline" ? "lead" : release ? "central" : summary.method,
      why: why.method,
      summary: summary.chosen,
      isEnglish,
      length: input.text.length,
    }),
    sources: {
      summary: release?.sources ?? sourcesOf(summary.chosen, scored),
      why: sourcesOf(why.chosen, scored),
    },
  };
}

const NO_WHY = { chosen: [], method: "none" } as const;

// A post of links' summary names its items (see summarizeLinks).
function linksOf(input: SummarizeInput, voice: Voice | undefined) {
  const links = summarizeLinks(input.html, voice, MAX_CHARS);
  return links && { ...links, method: "links" as const };
}

// A round-up's summary says what it covers, from its headings (see summarizeRoundup).
function roundupOf(
  sentences: readonly { block: string; text: string }[],
  input: SummarizeInput,
  voice: Voice | undefined,
) {
  const headings = sentences
    .filter((sentence) => sentence.block === "heading")
    .map((sentence) => sentence.text);
  const roundup = summarizeRoundup(headings, input.title, voice, input.text, MAX_CHARS);
  return roundup && { ...roundup, method: "roundup" as const };
}

/**
 * The summary first (what was done; results weigh a little less there, and a launch — "…is now
 * available" — is what a release note is about), then the why from the outcomes, lessons and
 * launches the summary does not already state.
 */
function chooseEntry(candidates: readonly Candidate[], title: string, publisher = "") {
  const outcomes = rankOutcomes(candidates, title);
  const results = new Set(outcomes.filter(statesResult));
  const summary = selectSummary(candidates, results, title, MAX_CHARS, publisher);
  const why = selectWhy(outcomes, summary.chosen, MAX_CHARS, candidates, title);
  return { summary, why };
}

// As the email says them: a closing verdict ("…and is one of the benefits of…") and a summing-up
// ("In a nutshell, …") are dropped only now, since they mark a sentence as a benefit or a lesson
// while the why is chosen.
function textsOf(candidates: readonly Candidate[]): string[] {
  return candidates.map((candidate) => dropSummingUp(dropVerdict(candidate.text)));
}

// The sentences as the article has them (a candidate may carry a repaired copy).
function sourcesOf(candidates: readonly Candidate[], scored: readonly ScoredSentence[]): string[] {
  return candidates.flatMap((candidate) =>
    candidate.sentences.map((sentence) => scored[sentence.index]?.text ?? sentence.text),
  );
}
