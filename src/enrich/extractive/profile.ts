import type { Voice } from "./rewrite-third-person.js";

// Interviews and profiles of people: "Data Engineers of Netflix — Interview with Kevin Wylie",
// "People of WordPress: Juan Aldasoro", "Meet the team behind…"; and the story of one's own road
// to a job: "My (Seemingly) Random Walk to Netflix", "My Journey into Data Engineering".
const PROFILE =
  /\b(?:interview(?:ed)? with|in conversation with|q ?& ?a with|people of|meet (?:the|our)|spotlight on|profile of)\b|^(?:profile|spotlight|interview)\s*:|^my\b.{0,40}?\b(?:walk|journey|path|road|route) (?:to|into)\b/i;
const INTERVIEWEE =
  /\b[Ii]nterview(?:ed)? with\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*$/u;

/**
 * True for an article about a person rather than about work done: its "why it matters" is left
 * empty (a career story or a hobby is no outcome or lesson for the reader).
 */
export function isProfile(title: string): boolean {
  return PROFILE.test(title);
}

/**
 * "Kevin Wylie is a Data Engineer on…" under "…Interview with Kevin Wylie" → "Netflix
 * interviews Kevin Wylie, a Data Engineer on…": says what the article is, naming who published
 * it. The summary as it is when it does not open with that introducing sentence.
 */
export function rewriteInterview(summary: string, title: string, voice: Voice | undefined): string {
  const person = title.match(INTERVIEWEE)?.[1];
  if (person === undefined || voice === undefined || voice.isPersonal) return summary;
  const prefix = `${person} is `;
  if (!summary.startsWith(prefix)) return summary;
  const role = summary.slice(prefix.length);
  if (!/^(?:a|an|the)\s/i.test(role)) return summary;
  return `${voice.name} interviews ${person}, ${role}`;
}
