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
    return `${releaseName(title, version, voice)} ${conjugate(verb.toLowerCase())} ${what}.`;
  }
  return undefined;
}

// "Hugo v0.96.0" for the release titled "v0.96.0" on Hugo's feed; the title when it names both.
function releaseName(title: string, version: string, voice: Voice): string {
  return title.toLowerCase().includes(voice.name.toLowerCase())
    ? title
    : `${voice.name} ${version}`;
}

// A heading with a verb of its own is a sentence, not the name of a feature.
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|does|do|did)\b/i;

/**
 * Release notes that open with a run-in heading naming their main change ("Vertical merging of
 * content mounts."): that change, said of the release ("Hugo v0.96.0 brings vertical merging of
 * content mounts."). Undefined when the notes open otherwise or the heading is no noun phrase.
 */
export function summarizeHeadline(
  sentences: readonly ScoredSentence[],
  voice: Voice | undefined,
  title: string,
): string | undefined {
  const version = title.match(VERSION)?.[0];
  const [first] = sentences;
  if (version === undefined || voice === undefined || first?.kind !== "heading") return undefined;
  // Only a run-in heading ends with a full stop or a colon.
  const heading = first.text.match(/^(.+?)[.:]$/)?.[1]?.trim();
  if (heading === undefined || FINITE.test(heading) || /["“”,;]/.test(heading)) return undefined;
  const words = heading.split(/\s+/).length;
  if (words < 3 || words > 12) return undefined;
  const subject = releaseName(title, version, voice);
  const entry = heading.match(ENTRY);
  if (entry) return `${subject} ${conjugate((entry[1] ?? "").toLowerCase())} ${entry[2]}.`;
  // "Vertical merging…" → "vertical merging…"; "API changes" keeps its capitals.
  const phrase = /^\p{Lu}\p{Ll}+\b/u.test(heading)
    ? heading.charAt(0).toLowerCase() + heading.slice(1)
    : heading;
  return `${subject} brings ${phrase}.`;
}

// "The new --renderStaticToDisk flag required a consolidation of the file systems in Hugo, which
// introduced a bug.": the story of a bug, with nothing said of the fix, is where a bug-fix
// release starts; what it fixes is in its changelog.
const BUG_STORY =
  /\b(?:introduced|caused|created|led to|revealed|exposed|had|has|hit|found) (?:(?:a|an|another|some|several|two|three|new|nasty|subtle|serious)\s+)*(?:bugs?|regressions?|crash(?:es)?|issues?|problems?)\b|\bbroke\b|\bdid not (?:resolve|fix)\b/i;
const FIX_SAID = /\b(?:fix(?:es)?|fixed|resolves?|resolved|now works)\b/i;

/**
 * What release notes' summary should be instead of the chosen sentences, if anything: the first
 * changelog entry when no sentence was chosen, or when the chosen one, not naming the release,
 * tells of a bug and not its fix; the run-in headline when the chosen one does not name the
 * release.
 */
export function summarizeRelease(
  sentences: readonly ScoredSentence[],
  voice: Voice | undefined,
  title: string,
  chosen: readonly string[],
): { text: string; method: "changelog" | "headline"; sources: string[] } | undefined {
  if (chosen.length === 0) {
    const text = summarizeChangelog(sentences, voice, title);
    return text === undefined ? undefined : { text, method: "changelog", sources: [] };
  }
  // "Hugo v0.97.0 comes with…" already names the release.
  const version = title.match(VERSION)?.[0];
  if (version === undefined || chosen[0]?.includes(version)) return undefined;
  const text = summarizeHeadline(sentences, voice, title);
  const heading = sentences[0]?.text ?? "";
  if (text !== undefined) return { text, method: "headline", sources: [heading] };
  const story = chosen.join(" ");
  if (!BUG_STORY.test(story) || FIX_SAID.test(story)) return undefined;
  const fix = summarizeChangelog(sentences, voice, title);
  return fix === undefined ? undefined : { text: fix, method: "changelog", sources: [] };
}
