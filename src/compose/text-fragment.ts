/**
 * Text fragments (WICG "URL Fragment Text Directives"): `#:~:text=[prefix-,]start[,end][,-suffix]`,
 * several joined with `&`. Browsers that support them scroll to and highlight the passage; the
 * others open the page at its top. Matching is case-insensitive, on whole words, over the page's
 * visible text with runs of whitespace as one space.
 */

// Past this many words a sentence is given by its first and last words (textStart,textEnd).
const WHOLE_SENTENCE_WORDS = 10;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

/**
 * The article URL with a text directive for each of `sentences` found in `articleText`; the URL
 * as given when none is found (a sentence the summarizer rewrote is not the article's).
 */
export function textFragmentUrl(url: string, sentences: string[], articleText: string): string {
  const text = collapse(articleText);
  const directives = sentences.flatMap((sentence) => {
    const directive = directiveFor(collapse(sentence), text);
    return directive ? [directive] : [];
  });
  if (directives.length === 0 || url.includes("#")) return url;
  return `${url}#:~:${directives.map((d) => `text=${d}`).join("&")}`;
}

/** One `text=` value for a sentence of the text, or undefined when the text does not hold it. */
export function directiveFor(sentence: string, text: string): string | undefined {
  const lower = text.toLowerCase();
  const at = lower.indexOf(sentence.toLowerCase());
  if (sentence === "" || at === -1) return undefined;
  const words = sentence.split(" ");
  const edgeStart = words.slice(0, EDGE_WORDS).join(" ");
  const edgeEnd = words.slice(-EDGE_WORDS).join(" ");
  // A browser ends the range at the first match of textEnd after textStart: when the last
  // words come earlier in the sentence too, the whole sentence is the only exact directive.
  const isWhole =
    words.length <= WHOLE_SENTENCE_WORDS ||
    sentence.toLowerCase().slice(edgeStart.length, -edgeEnd.length).includes(edgeEnd.toLowerCase());
  const start = isWhole ? sentence : edgeStart;
  const end = isWhole ? undefined : edgeEnd;
  const parts = [encode(start), ...(end ? [encode(end)] : [])];
  // The first match of the start is the passage: no context needed. Otherwise (the sentence,
  // or its first words, come earlier in the text) the words around it tell the browser which.
  if (lower.indexOf(start.toLowerCase()) === at) return parts.join(",");
  const before = text.slice(0, at).trim().split(" ").slice(-CONTEXT_WORDS).join(" ");
  const after = text
    .slice(at + sentence.length)
    .trim()
    .split(" ")
    .slice(0, CONTEXT_WORDS)
    .join(" ");
  return [
    ...(before ? [`${encode(before)}-`] : []),
    ...parts,
    ...(after ? [`-${encode(after)}`] : []),
  ].join(",");
}

/** A directive's value decoded: what a browser looks for (for tests and the link check). */
export function decodeDirective(value: string): {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
} {
  const parts = value.split(",");
  const prefix = parts[0]?.endsWith("-") ? parts.shift()?.slice(0, -1) : undefined;
  const suffix = parts.at(-1)?.startsWith("-") ? parts.pop()?.slice(1) : undefined;
  const [start = "", end] = parts.map(decodeURIComponent);
  return {
    start,
    ...(end !== undefined && { end }),
    ...(prefix !== undefined && { prefix: decodeURIComponent(prefix) }),
    ...(suffix !== undefined && { suffix: decodeURIComponent(suffix) }),
  };
}

// The spec's syntax characters inside a value are "&", "," and "-": percent-encoded, with
// everything a fragment may not hold. encodeURIComponent leaves "-" alone.
function encode(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
