import { isLinkPost } from "../shared/link-post.js";

/**
 * Why a post has little of its own to read: it announces an event, hands out slides, rounds up
 * links, is a podcast episode's page, calls testers to a pre-release, is a short note that a
 * version is out, a job advertisement, or a call to vote, nominate or answer a survey.
 */
export type BriefKind = "event" | "slides" | "links" | "podcast" | "release" | "job" | "call";

/** What `briefKindOf` reads of an article. */
export interface BriefSignals {
  title: string;
  text: string;
  /** Whole minutes of text (words ÷ 230); null when unknown. */
  readMinutes: number | null;
}

// An event notice, slides, a version note: short by nature. A long post under such a title is a
// write-up (of a talk, of a release) and is read as one.
const SHORT_MINUTES = 2;
// The opening of a text, where an invitation or a podcast's description says what the page is.
const OPENING_CHARS = 1500;

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day";
// A day of the calendar ("January 20", "20 January", "Tuesday", "2009-01-20") or a time ("9am").
const WHEN = new RegExp(
  `\\b(?:${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?\\b|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\b|${WEEKDAY}\\b|\\d{4}-\\d{2}-\\d{2}\\b|\\d{1,2}(?::\\d{2})? ?[ap]\\.?m\\b)`,
  "i",
);

const EVENT_TITLE =
  /\b(?:webinars?|meet-?ups?|brown bag|round ?tables?|office hours|hackathons?|live ?streams?|join us|save the date)\b/i;
const INVITATION =
  /\b(?:you(?:'re|’re| are) (?:cordially )?invited|join us\b|register (?:now|today|here|by|at|for)|rsvp\b|seats? (?:left|remaining)|sign up (?:now|here|today))/i;
// A job advertisement's title: "AWS Job: Architect …", "We're hiring", "Open positions in …".
const JOB_TITLE =
  /\b(?:jobs?:|job (?:opening|posting|offer)s?\b|(?:we(?:'re|’re| are)|is|now) hiring\b|open (?:positions?|roles?)\b|vacanc(?:y|ies)\b|join (?:our|the) team\b)/i;
// A call to the readers: "Please Vote: AWS … Are Crunchies Finalists", "Vote for us in…",
// "Nominate your favourite…", "Take our developer survey".
const CALL_TITLE =
  /\b(?:please vote|vote for\b|cast (?:your|a) vote|nominate (?:us|your|our)\b|(?:take|fill (?:out|in)|answer) (?:our|the|this)(?: [\w-]+){0,2} survey)/i;
const SLIDES_TITLE = /\bslides\b|\bslide ?deck\b/i;
const POINTER_TEXT = /\bhere (?:are|is) (?:the|my|our) (?:slides|deck|video|recording)\b/i;
const ROUND_UP_TITLE =
  /\bround-?ups?\b|\b(?:this|last|the) (?:week|month|year) in\b|\b(?:weekly|monthly) (?:links|news|digest|update)\b/i;
const PODCAST_TITLE = /\bpodcast\b|\b(?:episode|ep\.)\s*#?\d+\b/i;
const PODCAST_TEXT = /\b(?:podcast|listen|transcript)\b/i;
// A transcript under its own heading line: the page carries a recording's spoken words. (Not
// /^transcript$/m: V8 tries a multiline ^ at every character, four times slower on a long text.)
const TRANSCRIPT_HEADING = /(?:^|\n)transcript(?:\n|$)/i;
// "v0.99", "5.9.3", "5.9", "1.27.0-rc.1": a version (or a decimal, told apart below).
const VERSION = /\bv?\d+(?:\.\d+)+(?:-[\w.]+)?/gi;
// A test build: its note asks for testers, however much it lists.
const PRE_RELEASE = /\b(?:alpha|beta|rc|release candidate|preview)(?:\s*\.?\d+)?\b/gi;
const RELEASE_WORD = /\b(?:releas(?:e[sd]?|ing)|is out|now available)\b/gi;
// A release's own title is its name and version: "Hugo v0.99.0", "WordPress 5.9 Beta 1".
const NAME_WORDS = 2;

/** An episode's title whose opening speaks of the podcast, or any page with a transcript. */
function isPodcastPage(title: string, opening: string, text: string): boolean {
  return PODCAST_TITLE.test(title) ? PODCAST_TEXT.test(opening) : TRANSCRIPT_HEADING.test(text);
}

/** How a title names a release: not at all, in a sentence ("Rails 7.1 released"), or bare. */
function releaseIn(title: string): "none" | "named" | "bare" {
  if (title.search(VERSION) === -1) return "none";
  const rest = title.replace(VERSION, " ").replace(PRE_RELEASE, " ").replace(RELEASE_WORD, " ");
  if ((rest.match(/\p{L}+/gu) ?? []).length <= NAME_WORDS) return "bare";
  // Else a number ("2.5 times faster") or a version spoken of ("Ubuntu 12.04 and Ruby 1.9.3").
  const isRelease = title.search(RELEASE_WORD) !== -1 || title.search(PRE_RELEASE) !== -1;
  return isRelease ? "named" : "none";
}

/**
 * What kind of brief post the article is, from its title's and text's form (never its feed);
 * undefined for an article of its own. Pure and cheap: a few expressions over the title and the
 * text's opening.
 */
export function briefKindOf(article: BriefSignals): BriefKind | undefined {
  const { title } = article;
  const opening = article.text.slice(0, OPENING_CHARS);
  const isShort = article.readMinutes !== null && article.readMinutes <= SHORT_MINUTES;
  const release = releaseIn(title);
  if (isPodcastPage(title, opening, article.text)) return "podcast";
  if (ROUND_UP_TITLE.test(title) || isLinkPost(title)) return "links";
  if (release === "bare" && title.search(PRE_RELEASE) !== -1) return "release";
  if (!isShort) return undefined;
  if (EVENT_TITLE.test(title) || (INVITATION.test(opening) && WHEN.test(opening))) return "event";
  if (SLIDES_TITLE.test(title) || POINTER_TEXT.test(opening)) return "slides";
  if (JOB_TITLE.test(title)) return "job";
  if (CALL_TITLE.test(title)) return "call";
  if (release !== "none") return "release";
  return undefined;
}
