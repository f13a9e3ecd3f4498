import { conjugate } from "./rewrite-thesis.js";
import type { Voice } from "./rewrite-third-person.js";
import type { ScoredSentence } from "./score-sentences.js";

const VERSION = /\bv?\d+(?:\.\d+)+(?:[- ]?(?:beta|rc|alpha)[- ]?\d*)?/i;
// "Fix server regression for multihost sites … 2f9eac4 @bep #9901": a changelog entry.
const ENTRY =
  /^(?:[\w/]+:\s+)?(fix|add|remove|update|improve|revert|deprecate|bump|support|allow|make|use|upgrade|drop|rename|introduce)\s+(.+?)(?:\s+\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b.*)?$/i;

/**
 * For release notes that are nothing but changelog entries: the first entry as a sentence about
 * the release ("Hugo v0.99.1 fixes server regression for multihost sites…"); undefined when the
 * title names no version or no entry reads as one.
 */
export function summarizeChangelog(
  sentences: readonly ScoredSentence[],
  voice: Voice | undefined,
  title: string,
): string | undefined {
  const version = title.match(VERSION)?.[0];
  if (version === undefined || voice === undefined) return undefined;
  for (const sentence of sentences) {
    const entry = sentence.text.replace(/\s+(?:@[\w-]+|#\d+)(?=\s|$)/g, "").match(ENTRY);
    if (!entry) continue;
    const [, verb = "", rest = ""] = entry;
    let what = rest.replace(/[.\s]+$/, "");
    // 'Revert "Fix PostProcess regression…"' names the change it undoes: quoted, it reads.
    const reverted = /^revert$/i.test(verb) ? what.match(/^["“]([^"“”]+)["”]$/)?.[1] : undefined;
    if (reverted !== undefined) what = `“${reverted}”`;
    else if (/["“]/.test(what)) continue;
    if (what.split(/\s+/).length < 3) continue;
    const subject = title.toLowerCase().includes(voice.name.toLowerCase())
      ? title
      : `${voice.name} ${version}`;
    return `${subject} ${conjugate(verb.toLowerCase())} ${what}.`;
  }
  return undefined;
}
