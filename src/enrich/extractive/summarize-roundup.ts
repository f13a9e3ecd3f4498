import { firstFiniteVerb } from "./has-finite-verb.js";
import { possessive, type Voice } from "./rewrite-third-person.js";

// "The Month in WordPress – March 2022", "This week in Rails", "CloudFront Tool Roundup"; not
// "My first month in Rust", a story.
const ROUNDUP =
  /^(?:the|this) (?:month|week|year|quarter) in\b|\bround-?up\b|\b(?:weekly|monthly) (?:update|digest|recap|news)\b/i;
const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
const PERIOD = new RegExp(String.raw`\b(?:(?:${MONTHS})\s+\d{4}|Q[1-4]\s+\d{4}|[Ww]eek\s+\d+)\b`);
// "Check out the Pattern Creator announcement…", "Join the walkthrough": a call to action.
const CALL_TO_ACTION =
  /^(?:check|join|follow|read|learn|get|watch|listen|register|sign|subscribe|share|help|have|don['’]t|see|try|take|meet|apply|submit|vote|stay|keep|find|tell|let|head|visit|download|catch|mark|save|explore|thank)\b/i;
const MIN_TOPICS = 3;
const MAX_TOPICS = 5;
const MAX_TOPIC_WORDS = 7;

/**
 * A round-up's summary: what it covers, from its section headings, said of the publisher ("WordPress's
 * March 2022 round-up covers the Pattern Directory, Gutenberg releases, team updates and…"). One
 * item's sentence ("The Core Team launched three new versions of Gutenberg last month.") is not
 * what the post is about. Undefined unless the title names a round-up and at least three headings
 * name a topic; within `max` characters.
 */
export function summarizeRoundup(
  headings: readonly string[],
  title: string,
  voice: Voice | undefined,
  text: string,
  max: number,
): { text: string; sources: string[] } | undefined {
  if (!ROUNDUP.test(title) || voice === undefined || voice.isPersonal) return undefined;
  const topics: { topic: string; heading: string }[] = [];
  for (const heading of headings) {
    if (topics.length === MAX_TOPICS) break;
    const topic = topicOf(heading.replace(/[.!]+$/, "").trim());
    if (topic === undefined) continue;
    if (topics.some((one) => one.topic.toLowerCase() === topic.toLowerCase())) continue;
    topics.push({ topic: caseAsWritten(topic, text), heading });
  }
  if (topics.length < MIN_TOPICS) return undefined;
  const period = title.match(PERIOD)?.[0];
  const opening = `${owner(voice.name)} ${period === undefined ? "" : `${period} `}round-up covers `;
  for (let count = Math.min(MAX_TOPICS, topics.length); count >= MIN_TOPICS; count--) {
    const chosen = topics.slice(0, count);
    const names = chosen.map((one) => one.topic);
    const list =
      names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    const sentence = `${opening}${list}.`;
    if (sentence.length <= max)
      return { text: sentence, sources: chosen.map((one) => one.heading) };
  }
  return undefined;
}

/** "WordPress's", "AWS's"; "Lumen Labs'" (a name of several words ending in a plural). */
export function owner(name: string): string {
  return /\s\S+s$/.test(name) ? possessive(name) : `${name}'s`;
}

/**
 * What a heading is about: "Team updates: Team Reps…" → "Team updates"; "The Pattern Directory
 * is open for public submissions" → "the Pattern Directory" (its subject); a noun phrase as it is.
 * Undefined for a call to action, a question, or a topic too long to list.
 */
function topicOf(heading: string): string | undefined {
  if (heading === "" || CALL_TO_ACTION.test(heading) || /\?$/.test(heading)) return undefined;
  const label = heading.match(/^([^:]{2,60}):\s/)?.[1];
  const topic = label ?? subjectOf(heading) ?? heading;
  const words = topic.split(/\s+/).length;
  return words > MAX_TOPIC_WORDS || !/\p{L}/u.test(topic) ? undefined : topic;
}

// The words before a heading's first finite verb; undefined when it has none (a noun phrase).
function subjectOf(heading: string): string | undefined {
  const verb = firstFiniteVerb(heading);
  if (verb === undefined) return undefined;
  const words = heading.split(/\s+/);
  const at = words.findIndex(
    (word, index) => index > 0 && word.toLowerCase().replace(/[^\p{L}\p{N}'’-]+/gu, "") === verb,
  );
  if (at <= 0) return undefined;
  // "WordCamp Europe 2022 wants volunteers…": an "-s" word after a name or a number is the verb
  // the conservative check passed over ("volunteers" was taken for it).
  const passed = words.findIndex(
    (word, index) => index > 0 && index < at && /^\p{Ll}{2,}[^s'’]s$/u.test(word),
  );
  return words.slice(0, passed > 0 ? passed : at).join(" ");
}

/**
 * "The Pattern Directory" → "the Pattern Directory"; "Team updates" → "team updates" when the
 * article writes "team" in lower case and the next word is lower case too (not a name such as
 * "Photo Directory").
 */
function caseAsWritten(topic: string, text: string): string {
  const [first = "", second] = topic.split(/\s+/);
  const lower = first.toLowerCase();
  if (/^(?:the|a|an)$/.test(lower)) return `${lower}${topic.slice(first.length)}`;
  // "Feedback/Testing requests" is one word of each.
  const isWord = /^\p{Lu}\p{Ll}+(?:\/\p{Lu}\p{Ll}+)*$/u.test(first);
  if (!isWord || (second !== undefined && /^\p{Lu}/u.test(second))) return topic;
  const head = lower.split("/")[0] ?? lower;
  const inLowerCase = new RegExp(String.raw`(?<=[\p{Ll},;]\s)${head}\b`, "u");
  return inLowerCase.test(text) ? `${lower}${topic.slice(first.length)}` : topic;
}
