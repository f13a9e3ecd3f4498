import type { Voice } from "./rewrite-third-person.js";

/**
 * A sentence without the marks that point into the page it came from: issue references
 * ("(#2180)", "(see #6703)"), footnote marks ("[3]", "²", "…attention).2.") and the space they
 * leave before punctuation.
 */
export function tidySentence(text: string): string {
  return (
    text
      .replace(/\s*\((?:see\s+)?#\d+\s*\)/gi, "")
      .replace(/\s*\[\d{1,3}\]/g, "")
      .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, "")
      .replace(/\)\d{1,2}(?=[.,;:]|\s|$)/g, ")")
      // Not before ".Err" or ".autotest": a name that starts with a dot keeps its space.
      .replace(/\s+([.,;:!?])(?=\s|$|["'”’)\]])/g, "$1")
      .trim()
  );
}

// "This version of the WordPress software is…": the version, named with what it is a version of.
const SELF =
  /^This(?= (?:release|version|update)\b| is an? (?:[\w-]+ ){0,2}(?:release|version|update)\b)(?: (?:release|version|update)\b(?: of (?:the )?(?:[\w-]+ ){0,2}[\w-]+(?= (?:is|was|has|will|comes|brings|features|includes|fixes|adds)\b))?)?/;
const DESCRIBED_SELF = /^This (?!is\b)(?:[\w-]+ ){1,3}(?:release|version|update)\b/;
const VERSION = /\bv?\d+(?:\.\d+)+(?:[- ]?(?:beta|rc|alpha)[- ]?\d*)?/i;
// "The theme of this release is…", "In this release Hugo also added…": the release named after
// a preposition, later in the sentence.
const SELF_AFTER_PREPOSITION = /\b(?<=\b(?:of|in|with|for) )this (?:release|version|update)\b/i;

/**
 * "This release comes with…" in the release notes of "v0.97.0" → "Hugo v0.97.0 comes with…":
 * the email shows the sentence without the page that says which release "this" is.
 */
export function nameRelease(text: string, voice: Voice | undefined, title: string): string {
  const version = title.match(VERSION);
  const described = text.match(DESCRIBED_SELF);
  const after = SELF_AFTER_PREPOSITION.test(text);
  if ((!SELF.test(text) && !described && !after) || version === null || voice === undefined) {
    return text;
  }
  const at = title.toLowerCase().indexOf(voice.name.toLowerCase());
  const end = (version.index ?? 0) + version[0].length;
  const subject = at >= 0 && at < end ? title.slice(at, end) : `${voice.name} ${version[0]}`;
  if (subject.length > 40) return text;
  if (after) {
    // "In this release Hugo also added…" → "In v0.100.0 Hugo also added…": named once.
    const named = text.toLowerCase().includes(voice.name.toLowerCase());
    return text.replace(SELF_AFTER_PREPOSITION, named ? version[0] : subject);
  }
  // "This security and maintenance release features…" → "The WordPress 5.9.2 security and…"
  if (described) return `The ${subject} ${text.slice("This ".length)}`;
  return text.replace(SELF, subject);
}
