import { hostName, publisherName, spellAsWritten } from "../publisher-name.js";
import type { SummarizeInput } from "../types.js";
import type { Voice } from "./rewrite-third-person.js";

// Words that make an author field an organization, a role or a handle rather than a person.
const NOT_A_PERSON =
  /\b(?:blog|team|editors?|staff|news|engineering|technology|tech|admin|official|inc|ltd|llc|labs?|press|bot|community|group|company|corp|foundation|project|contributors?|authors?|guest|newsroom|marketing|support|the|and)\b/i;
const PARTICLES = /^(?:van|von|de|der|den|da|del|della|di|du|la|le|bin|al|el|y)$/;
// Prefixes and suffixes of a blog's host around the company's name: "netflixtechblog".
const HOST_AFFIXES =
  /^(?:at|get|blog|the|eng|engineering|tech)|(?:techblog|blog|engineering|eng|tech|hq|labs|dev|news)$/;

// How much of the article to read for how it spells the publisher's name.
const SPELLING_CHARS = 20_000;

// Whose "we" it is when neither the feed nor the URL says: the team that wrote it.
export const UNKNOWN_PUBLISHER = "the team";

/**
 * Who the article's first person is: the publisher (from the feed's display name, else the
 * URL's host when the article names it, else "the team") or, on a personal blog, the author.
 * Undefined for a personal blog without an author's name: then its "I" cannot be rewritten.
 */
export function voiceOf(input: SummarizeInput): Voice | undefined {
  const author = input.source?.author?.trim();
  const person = author !== undefined && isPersonName(author) ? author : undefined;
  const name = input.source
    ? spellAsWritten(
        publisherName(input.source.name, input.url),
        `${input.title}\n${input.text.slice(0, SPELLING_CHARS)}`,
      )
    : "";
  const isPersonal =
    input.source?.isPersonal ?? (person !== undefined && name !== "" && sameName(name, person));
  if (isPersonal) return person === undefined ? undefined : { name: person, isPersonal: true };
  return { name: name || nameFromHost(input) || UNKNOWN_PUBLISHER, isPersonal: false };
}

/**
 * A personal blog, whose "I" is its author: every article of the feed (`feedAuthors` distinct
 * authors among them) is by the same person.
 */
export function isPersonalBlog(author: string | undefined, feedAuthors: number): boolean {
  return feedAuthors === 1 && author !== undefined && isPersonName(author);
}

/** "Aaron Patterson" and "Juan van der Berg" are people; "AWS Editor" and "bep" are not. */
export function isPersonName(author: string): boolean {
  const words = author.split(/\s+/);
  if (words.length < 2 || words.length > 4 || NOT_A_PERSON.test(author)) return false;
  return words.every(
    (word) => /^\p{Lu}(?=.*\p{Ll})[\p{L}'’.-]*$/u.test(word) || PARTICLES.test(word),
  );
}

function sameName(name: string, person: string): boolean {
  const lastName = person.split(/\s+/).at(-1)?.toLowerCase() ?? "";
  return lastName.length > 1 && name.toLowerCase().includes(lastName);
}

// The company as the article itself spells it, found from the host: "netflixtechblog.com" →
// "Netflix", "github.blog" → "GitHub".
function nameFromHost(input: SummarizeInput): string | undefined {
  const host = hostName(input.url);
  if (host === undefined) return undefined;
  const candidates = [
    host,
    host.replace(HOST_AFFIXES, ""),
    host.replace(HOST_AFFIXES, "").replace(HOST_AFFIXES, ""),
  ];
  const text = `${input.title}\n${input.text.slice(0, 5_000)}`;
  for (const candidate of candidates) {
    if (candidate.length < 3) continue;
    const found = text.match(
      new RegExp(String.raw`(?<![\p{L}\p{N}])${candidate}(?![\p{L}\p{N}])`, "iu"),
    );
    if (found && /^\p{Lu}/u.test(found[0])) return found[0];
  }
  return undefined;
}

// "By Sean Barnes, Studio Production…", "By: Jane Doe": a byline naming one person.
const BYLINE = /^[Bb]y:?\s+((?:\p{Lu}[\p{L}'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]*)\s*(?:$|[,|·•—–-])/u;
// A byline stands among the article's first lines.
const BYLINE_LINES = 5;

/** The one person a byline among the article's first lines names, if any. */
function bylineOf(lines: readonly string[]): string | undefined {
  const names = lines
    .slice(0, BYLINE_LINES)
    .map((line) => BYLINE.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined && isPersonName(name));
  return names.length === 1 ? names[0] : undefined;
}

const SINGULAR = /\bI\b|\bI['’](?:m|ve|ll|d)\b|\b(?:me|my|myself)\b/;
// A company blog's post told by one person ("A founder visited me…"): past this many of its
// sentences in the first person singular, its "we" may be the author's company or friends.
const STORYTELLER_SENTENCES = 3;
const STORYTELLER_SHARE = 0.15;

/**
 * The voice for rewriting this article's own sentences: undefined when a company blog's post is
 * told by one person in the first person singular, whose "we" is not safely the publisher
 * (a job ad quoted under "I've posted the job below", "we have stayed in touch"), or when its
 * "we" is generic (a tutorial's "we can call…", see isGenericWe).
 */
export function articleVoice(
  voice: Voice | undefined,
  prose: readonly string[],
  lines: readonly string[] = [],
): Voice | undefined {
  if (voice === undefined || voice.isPersonal) return voice;
  const told = prose.filter((sentence) => SINGULAR.test(stripQuotes(sentence))).length;
  if (told >= STORYTELLER_SENTENCES && told >= STORYTELLER_SHARE * prose.length) {
    // "By Sean Barnes, Studio Production Data Science": the post's one byline names its "I".
    const author = bylineOf(lines);
    return author === undefined ? undefined : { name: author, isPersonal: true };
  }
  return isGenericWe(prose) ? undefined : voice;
}

// "we" and the verb after it, past up to two adverbs.
const WE_VERB =
  /\bwe(?:['’](re|ve|ll|d))?\s+(?:(?:\p{L}+ly|also|now|then|still|just|only|first|often)\s+){0,2}(\p{L}+)/giu;
// What a team did or is doing: a past verb, "we are…", "we have/'ve + participle".
const PAST_VERB =
  /^(?:\p{L}+ed|built|made|wrote|ran|took|chose|found|saw|got|went|came|began|brought|kept|left|lost|spent|sent|moved|shipped|did|had|was|were|are|am|grew|knew|gave|won|cut|put|set|split|rebuilt|rewrote|spoke|held|led|met|paid)$/u;
const PERFECT = /^(?:have|has|had)$/;
// How many sentences with a "we" a tutorial has before its present-tense "we" reads as generic.
const GENERIC_WE_SENTENCES = 3;
// The share of them that may tell of something done ("By moving it, we were able to call…").
const GENERIC_WE_ACTIONS = 0.2;
// A "we" that walks the reader through: "what we can improve", "if we call…", "Here, we move…".
const GENERIC_MARK =
  /\bwe\s+(?:can|could|should|might|may|must|would)\b|\b(?:if|when|whenever|once|as|let['’]?s)\s+we\b|\blet['’]s\b|^(?:here|now|next|then),?\s+we\b/iu;
// How many such sentences, and what share of the "we" sentences, make the "we" generic.
const GENERIC_WE_MARKED = 2;
const GENERIC_WE_MARKED_SHARE = 1 / 3;
const PROGRESSIVE = /\bwe(?:\s+are|['’]re)\s+(?:\p{L}+ly\s+)?\p{L}+ing\b/iu;
const PARTICIPLE = /\bwe\s+have\s+(?:\p{L}+ed|\p{L}+en|built|made|done|been)\b/iu;

/**
 * A tutorial's "we" is the writer and the reader, or programmers at large ("In FP, we have
 * functions organized within modules", "we can call…", "when we write…"): every "we" in it is
 * followed by a present or modal verb, none by a past action or "we are…". Rewriting it as the
 * company ("Thoughtbot has functions organized within modules") would be false.
 */
export function isGenericWe(prose: readonly string[]): boolean {
  let sentences = 0;
  let actions = 0;
  let marked = 0;
  for (const sentence of prose) {
    const text = stripQuotes(sentence);
    const verbs = [...text.matchAll(WE_VERB)];
    if (verbs.length === 0) continue;
    // "We are currently ingesting billions of flow logs": what the team is doing.
    if (PROGRESSIVE.test(text)) return false;
    sentences++;
    if (verbs.some((match) => isAction(match, text))) actions++;
    if (GENERIC_MARK.test(text)) marked++;
  }
  return (
    sentences >= GENERIC_WE_SENTENCES &&
    actions <= sentences * GENERIC_WE_ACTIONS &&
    marked >= GENERIC_WE_MARKED &&
    marked >= sentences * GENERIC_WE_MARKED_SHARE
  );
}

function isAction(match: RegExpMatchArray, text: string): boolean {
  const contraction = match[1]?.toLowerCase();
  const verb = (match[2] ?? "").toLowerCase();
  if (contraction === "re" || contraction === "ve") return true;
  if (contraction !== undefined) return false;
  if (PAST_VERB.test(verb)) return true;
  return PERFECT.test(verb) && PARTICIPLE.test(text);
}

function stripQuotes(sentence: string): string {
  return sentence.replace(/["“][^"”]*["”]/g, "");
}
