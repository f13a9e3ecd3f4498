// "Because this is a security release, it is recommended that you update your sites
// immediately.": for a security release the advice to update is why it matters, not advice to
// leave out. The digest says it of sites and names what the release fixes: "WordPress 5.9.2
// fixes a Stored Cross Site Scripting Vulnerability…, so sites should update immediately."
// English only.

import type { Candidate } from "./build-candidates.js";
import type { ScoredSentence } from "./score-sentences.js";

const SECURITY_RELEASE = /\bsecurity (?:and maintenance )?(?:release|update)\b/i;
// The advice, told to the reader, with how soon.
const ADVICE =
  /\b(?:recommend\w*|urge\w*|encourage\w*|should|strongly|please)\b[^.!]{0,40}?\b(?:update|upgrade)\b[^.!]*?\b(immediately|as soon as possible|right away|now)\b/i;
// "…, for finding a Prototype Pollution Vulnerability in a jQuery dependency", "…for disclosing
// an issue with stored XSS through post slugs" (a note in brackets left out): what the release's
// credits say was found.
const FOUND =
  /\b(?:for|on) (?:finding|reporting|disclosing|discovering)\s+(?:an? (?:issue|problem) with\s+)?(.{6,90}?)(?:\s*\([^)]*\))?\.?\s*$/i;
// What is a vulnerability, not "for finding a typo in the docs".
const VULNERABILITY =
  /\b(?:vulnerabilit\w*|xss|injection|cross[- ]site|scripting|forgery|csrf|traversal|bypass|escalation|disclosure|pollution|overflow|execution|exposure)\b/i;
// "…features four security fixes", "…in addition to 3 security fixes".
const COUNT =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) security (?:fixes|issues)\b/i;
const RELEASE = /^.*?\bv?\d+(?:\.\d+)+\b/i;

/**
 * "Why it matters" of a security release that advises updating: what it fixes and that sites
 * should update (method "update"); undefined for any other article, or a title that names no
 * version. The candidate stands on the advice sentence, so the email links back to it.
 */
export function adviseUpdate(
  sentences: readonly ScoredSentence[],
  title: string,
  max: number,
): Candidate | undefined {
  const release = title.match(RELEASE)?.[0];
  const advice = sentences.find(
    (sentence) => ADVICE.test(sentence.text) && SECURITY_RELEASE.test(`${title} ${sentence.text}`),
  );
  const soon = advice?.text.match(ADVICE)?.[1]?.toLowerCase();
  if (release === undefined || advice === undefined || soon === undefined) return undefined;
  const text = [fixesOf(sentences), countOf(sentences)]
    .map((fixes) => fixes && `${release} fixes ${fixes}, so sites should update ${soon}.`)
    .find((said) => said !== undefined && said.length <= max);
  return {
    sentences: [advice],
    text: text ?? `${release} is a security release, so sites should update ${soon}.`,
    score: advice.score,
    isThesis: false,
    isAction: false,
    isRepaired: true,
  };
}

/** "a Prototype Pollution Vulnerability in a jQuery dependency, … and …", from the credits. */
function fixesOf(sentences: readonly ScoredSentence[]): string | undefined {
  const found = [
    ...new Set(
      sentences
        .map((sentence) => sentence.text.match(FOUND)?.[1]?.trim())
        .filter((fix): fix is string => fix !== undefined && VULNERABILITY.test(fix))
        .map(inSentence),
    ),
  ];
  if (found.length === 0) return undefined;
  const last = found.pop();
  return found.length === 0 ? last : `${found.join(", ")} and ${last}`;
}

function countOf(sentences: readonly ScoredSentence[]): string | undefined {
  const count = sentences.map((sentence) => sentence.text.match(COUNT)?.[1]).find(Boolean);
  return count === undefined ? undefined : `${count.toLowerCase()} security issues`;
}

// "Object injection in some multisite installations" reads mid-sentence as "object injection…";
// a name in capitals ("Prototype Pollution Vulnerability") keeps them.
function inSentence(fix: string): string {
  const [first = "", ...rest] = fix.split(" ");
  const isName = rest.some((word) => /^\p{Lu}\p{Ll}/u.test(word));
  return isName || !/^\p{Lu}\p{Ll}*$/u.test(first)
    ? fix
    : fix.charAt(0).toLowerCase() + fix.slice(1);
}
