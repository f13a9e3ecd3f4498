import { splitSentences } from "../split-sentences.js";

// Openers that lean on a sentence the reader cannot see (issue 15: "But, the result is the
// same…", "After that, I joined…", "He's now ready…", "This means…", "Second, our cache…").
const CONNECTIVES = [
  "but",
  "and",
  "or",
  "so",
  "yet",
  "still",
  "however",
  "also",
  "plus",
  "then",
  "thus",
  "hence",
  "therefore",
  "moreover",
  "furthermore",
  "additionally",
  "in addition",
  "besides",
  "instead",
  "otherwise",
  "meanwhile",
  "nevertheless",
  "nonetheless",
  "similarly",
  "likewise",
  "conversely",
  "consequently",
  "as a result",
  "as such",
  "in turn",
  "on the other hand",
  "on top of that",
  "after that",
  "afterwards",
  "before that",
  "since then",
  "until then",
  "by then",
  "at that point",
  "at the same time",
  "in that case",
  "in this case",
  "in other words",
  "that said",
  "even so",
  "of course",
  "indeed",
  "again",
  "second",
  "secondly",
  "third",
  "thirdly",
  "fourth",
  "finally",
  "lastly",
  "next",
  "later",
  "eventually",
  "along the way",
  "for this reason",
  "for that reason",
  "to do this",
  "to do that",
  "to that end",
  "with that",
  "with this",
  "because of this",
  "because of that",
  "apart from that",
  "other than that",
  "in contrast",
  "by contrast",
  "anyway",
  "either way",
  "regardless",
  "even then",
];

// Pronouns and determiners that point back; "This post…", "This release…" point at the article.
const BACK_REFERENCES = [
  "this",
  "that",
  "these",
  "those",
  "it",
  "its",
  "it's",
  "they",
  "them",
  "their",
  "they're",
  "he",
  "she",
  "his",
  "her",
  "him",
  "he's",
  "she's",
  "such",
  "both",
  "the latter",
  "the former",
  "the same",
  "the above",
  "here",
];
const SELF_REFERENCES =
  /^(?:this|that)\s+(?:(?:is|was)\s+(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:post|article|blog|release|week|month|year|episode|edition|version|update|series|talk|podcast|guide|tutorial|paper|interview|case study|study|write-up|writeup|quarter|summer|spring|autumn|fall|winter|morning)\b/i;
// "So far, contributors have fixed 326 tickets" counts up to now, not back to a sentence.
const SO_FAR = /^so far\b/i;
// "Now that…", "Now, …" lean on what came before; "Now available" does not.
const NOW = /^now(?:,|\s+that\b)/i;
// A reference to another part of the article, wherever it stands in the sentence.
const POINTERS =
  /\b(?:(?:mentioned|described|discussed|listed|shown|outlined|explained|noted|seen)\s+(?:above|below|earlier|previously|before)|as (?:above|follows)|see (?:above|below)|the above\b|the following(?=\s*[:.]|\s+(?:steps?|changes|features|items|reasons|ways|list|examples?|table|figure|code|sections?)\b))/i;

const OPENERS = [...CONNECTIVES, ...BACK_REFERENCES].sort((a, b) => b.length - a.length);
const OPENER = new RegExp(
  `^["“‘(]?(${OPENERS.map((word) => word.replace(/'/g, "['’]")).join("|")})(?=[\\s,;:—–-]|$)`,
  "i",
);

/** The word a sentence opens with when it leans on an unseen sentence; undefined when it stands alone. */
export function danglingOpener(sentence: string): string | undefined {
  const text = sentence.trim();
  if (SELF_REFERENCES.test(text)) return undefined;
  const now = NOW.exec(text);
  if (now) return now[0].replace(/,$/, "");
  const opener = OPENER.exec(text)?.[1];
  if (opener && !isExistentialHere(text) && !SO_FAR.test(text)) return opener;
  return POINTERS.exec(text)?.[0];
}

// "Here" alone is a back-reference only in teasers ("Here is what…", "Here's how…").
function isExistentialHere(text: string): boolean {
  return /^here\b/i.test(text) && !/^here(?:'s|’s|\s+(?:is|are))\b/i.test(text);
}

/**
 * What in `field` leans on text the reader cannot see: its first sentence's opener, or a later
 * sentence's connective when that sentence did not follow the previous one in the article (an
 * extract that joins sentences from different paragraphs). Pronouns in a later sentence may
 * point at the field's own first sentence and are left alone.
 */
export function detectDanglingStart(field: string, articleText: string): string | undefined {
  const sentences = splitSentences(field);
  const first = sentences[0];
  if (first === undefined) return undefined;
  const opener = danglingOpener(first);
  if (opener) return `opens with "${opener}"`;
  for (let at = 1; at < sentences.length; at++) {
    const sentence = sentences[at] as string;
    const word = danglingOpener(sentence);
    if (!word || BACK_REFERENCES.includes(word.toLowerCase())) continue;
    if (!followsInArticle(sentences[at - 1] as string, sentence, articleText))
      return `sentence ${at + 1} opens with "${word}"`;
  }
  return undefined;
}

/** Whether `next` came right after `previous` in the article (whitespace aside). */
function followsInArticle(previous: string, next: string, articleText: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, " ");
  // The tail of one and the head of the next: a rewrite of a sentence's subject changes neither.
  const seam = `${squash(previous).slice(-30)} ${squash(next).slice(0, 30)}`;
  return squash(articleText).includes(seam);
}
