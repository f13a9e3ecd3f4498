// "There is a way to download large files and save them without using unnecessary RAM. Streams!":
// the way promised, named by the exclamation right after it. Said as one statement, "Streams are
// a way to download large files and save them without using unnecessary RAM.", it says what the
// article shows. English only.

import { UNNAMED_WAY } from "./classify-sentence.js";

// "Streams!", "Event sourcing.": a name of up to three words standing as a sentence of its own.
const ANSWER = /^(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,2})[!.]$/u;
const THERE_IS = /^there(?:['’]s| is)\s+/i;
// A name that is a word of the language ("Yes!", "Exactly.", "Enter streams!") answers nothing.
const NOT_A_NAME =
  /^(?:yes|no|nope|yep|exactly|indeed|really|wow|nothing|none|enter|surprise|simple|easy|right|well|of course)\b/i;

/**
 * `sentence` ("There is a way to…") said of the way `next` names, when `next` is that name alone
 * (and in the same paragraph, which the caller checks); undefined otherwise.
 */
export function nameWay(sentence: string, next: string | undefined): string | undefined {
  if (next === undefined || !UNNAMED_WAY.test(sentence)) return undefined;
  const answer = ANSWER.exec(next);
  const name = answer?.[1];
  if (name === undefined || NOT_A_NAME.test(name)) return undefined;
  const last = name.split(/\s+/).at(-1) ?? "";
  const verb = /[^s]s$/.test(last) ? "are" : "is";
  return `${name} ${verb} ${sentence.replace(THERE_IS, "")}`;
}
