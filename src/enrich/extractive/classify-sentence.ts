/** What a sentence is, for deciding whether it may stand in a summary. */
export type SentenceKind =
  | "content"
  | "boilerplate"
  | "caption"
  | "heading"
  | "question"
  | "lead-in"
  | "code"
  | "short";

// "By Jane Doe, Staff Engineer" but not "By moving the cache…" or "By Kubernetes standards…";
// case-sensitive on purpose, since the capitals are what mark a name.
const BYLINE = /^[Bb]y\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}(?:$|[,|·•—–-]|and\b|on\b|in\b)/u;
const POSTED_BY =
  /^(?:posted|written|published|authored|contributed) by\b|^by the [\p{L} ]+ team$/iu;
// Anchored: "Thanks to Ana…" is boilerplate, "latency fell, thanks to the cache" is not.
const BOILERPLATE_START = new RegExp(
  `^(?:${[
    "(?:in|within|throughout) (?:this|today's|the following|our) (?:blog )?(?:post|article|piece|write-?up|series|entry|installment)",
    "this (?:blog )?(?:post|article) (?:is (?:part|the)|will|was (?:originally|first))",
    String.raw`(?:many |special |huge |big )?thanks\b`,
    String.raw`thank you\b`,
    String.raw`(?:we(?:'d| would) like to |we )thank\b`,
    String.raw`(?:shout-?outs?|acknowledg(?:e)?ments?)\b|credits?\s*:`,
    String.raw`(?:read|learn) more\b`,
    "continue reading",
    String.raw`(?:subscribe|sign up|follow us|join us|join our|apply (?:now|here|today))\b`,
    "(?:we(?:'re| are)|we['’]re) hiring",
    "(?:if you(?:'re| are) )?interested in (?:joining|working)",
    "(?:check out|see|visit) our (?:careers|jobs|open roles|open positions)",
    String.raw`(?:originally )?published (?:on|at|in)\b`,
    String.raw`(?:tags|filed under|disclaimer|updated|editor['’]s note)\s*:`,
    "(?:share this|copyright|©|all rights reserved)",
  ].join("|")})`,
  "iu",
);
// Medium appends "<title> was originally published in <blog> on Medium, where people…".
const BOILERPLATE_ANYWHERE =
  /\b(?:we['’]re hiring|we are hiring|careers page|open (?:roles|positions)|join (?:our|the) team|was originally published (?:in|on|at))\b/i;
const CAPTION =
  /^(?:figure|fig\.|image|photo|picture|source|credit|screenshot|diagram|table|chart)\s*\d*\s*[:.–—-]/i;
// Braces, calls, assignments, snake_case, flags, paths: not parentheses or "$40k" in prose.
const CODE_TOKEN = /[{};=<>`]|\w\(|\(\)|\[\]|\$[({]|::|^\w+_\w+|^--\w|\/\w+\//;

/** Classifies a sentence; anything but "content" is kept out of summaries. */
export function classifySentence(sentence: string): SentenceKind {
  const text = sentence.trim();
  if ((BYLINE.test(text) || POSTED_BY.test(text)) && text.length < 100) return "boilerplate";
  if (BOILERPLATE_START.test(text) || BOILERPLATE_ANYWHERE.test(text)) return "boilerplate";
  if (CAPTION.test(text)) return "caption";
  if (isMostlyCode(text)) return "code";
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 6) return "short";
  if (/\?["'”’)\]]*$/.test(text)) return "question";
  // "The rollout had three steps:" introduces a list and says nothing by itself.
  if (/:$/.test(text)) return "lead-in";
  // Headings are short and lack a sentence's ending.
  if (!/[.!…:;"'”’)\]]$/.test(text) && words.length <= 12) return "heading";
  return "content";
}

function isMostlyCode(text: string): boolean {
  if (/^(?:\$ |> |```|#!|\/\/|#include|import |const |let |def |func )/.test(text)) return true;
  const tokens = text.split(/\s+/).filter((token) => token !== "");
  const codeLike = tokens.filter((token) => CODE_TOKEN.test(token)).length;
  return tokens.length > 0 && codeLike / tokens.length > 0.4;
}
