// The article saying what it is about, in the first person: "In this post we describe how we
// cut…", "This article explains…", "Today we're announcing…". Rewritten with the publisher as
// the subject ("Dropbox describes how it cut…"), it is the summary the reference digest writes.

// Not "series": a series' standing introduction is not this article's thesis.
const DOCUMENT = "(?:blog )?(?:post|article|piece|write-?up|entry|essay|guide|tutorial)";
const INTRO = `(?:in|with|through) (?:this|today['’]s|the following|our(?: latest| new)?) ${DOCUMENT},?`;
const AUXILIARY = `(?:['’]ll| will| are going to| am going to|['’]re going to|['’]m going to| would like to|['’]d like to| want to| hope to| aim to| plan to| intend to)?`;
const VERB = `(describe|explain|share|show|walk(?: you)? through|discuss|look (?:at|into)|explore|present|introduce|detail|cover|outline|take(?: you)? through|take a (?:closer |deep |deeper |quick |brief )?look (?:at|into)|dive (?:into|deep into)|go (?:over|through)|review|highlight|demonstrate|summarize|reflect on|recap|examine|talk about|tell|analyze|compare|investigate|unpack|break down|document|lay out)`;
const SELF_VERB = `(describes|explains|shares|shows|walks(?: you)? through|discusses|looks (?:at|into)|explores|presents|introduces|details|covers|outlines|takes a (?:closer |deep |deeper |quick |brief )?look (?:at|into)|dives into|goes (?:over|through)|reviews|highlights|demonstrates|summarizes|examines|recaps|documents|tells)`;
// What a closing paragraph says the post did: "In this post we showed how…", "…we have described…".
const PAST_VERB = `(described|explained|shared|showed|shown|walked(?: you)? through|discussed|looked (?:at|into)|explored|presented|introduced|detailed|covered|outlined|reviewed|highlighted|demonstrated|summarized|examined|recapped|documented)`;
// "In this post, we are introducing Netflix Drive…": the same thesis in the progressive.
const ING_VERB = `(describing|explaining|sharing|showing|discussing|exploring|presenting|introducing|detailing|covering|outlining|reviewing|highlighting|demonstrating|summarizing|examining|recapping|documenting|announcing|releasing|launching|unveiling|looking (?:at|into)|taking a (?:closer |deep |deeper |quick |brief )?look (?:at|into)|diving into|going (?:over|through))`;
const ANNOUNCE =
  "(announc(?:e|ing)|releas(?:e|ing)|launch(?:ing)?|introduc(?:e|ing)|shar(?:e|ing)|open[- ]sourc(?:e|ing)|unveil(?:ing)?|publish(?:ing)?|ship(?:ping)?)";

// What a post hands over: "Here are the slides from…" says what the post is, unlike "Here is
// what we learned…" (a teaser).
const ARTIFACT =
  "(?:slides|slide deck|deck|video|videos|recording|recordings|talk|code|source code|notes|paper|photos|pictures|transcript|screencast|podcast)";

const FORMS: readonly {
  pattern: RegExp;
  verb: (match: RegExpMatchArray) => string;
  /** Who the sentence names as doing it, when not the publisher. */
  subject?: (match: RegExpMatchArray) => string;
}[] = [
  // "In this post, we'll describe how…" → "<name> describes how…"
  {
    pattern: new RegExp(String.raw`^${INTRO} (?:we|I)${AUXILIARY} ${VERB}\b`, "i"),
    verb: (match) => thirdPerson(match[1] ?? ""),
  },
  // "In this post, we showed how…" → "<name> showed how…"; "we have described" → "has described"
  {
    pattern: new RegExp(String.raw`^${INTRO} (?:we|I)(['’]ve| have)? ${PAST_VERB}\b`, "i"),
    verb: (match) => `${match[1] ? "has " : ""}${(match[2] ?? "").replace(/ you /, " ")}`,
  },
  // "In this post, we are introducing Netflix Drive…" → "<name> is introducing Netflix Drive…"
  {
    pattern: new RegExp(String.raw`^${INTRO} (?:we|I)(?:['’]re| are|['’]m| am) ${ING_VERB}\b`, "i"),
    verb: (match) => `is ${match[1] ?? ""}`,
  },
  // "This post describes how…"
  {
    pattern: new RegExp(
      String.raw`^(?:this|the following|today['’]s) ${DOCUMENT} (?:will |aims to |tries to )?${SELF_VERB}\b`,
      "i",
    ),
    verb: (match) => (match[1] ?? "").replace(/ you /, " "),
  },
  // "Today we're excited to announce…", "We are releasing…"
  {
    pattern: new RegExp(
      String.raw`^(?:(?:today|this week|this month|recently|now),? )?(?:we|I)(?:['’]re| are| am|['’]m) (?:(?:very |really |so )?(?:excited|happy|pleased|thrilled|proud|delighted|glad) to )?${ANNOUNCE}\b`,
      "i",
    ),
    verb: (match) => conjugate(baseForm(match[1] ?? "")),
  },
  // "This is a quick post about another great use of…" → "<name> writes about another…"
  {
    pattern:
      /^this is (?:a|an|just a) (?:(?:quick|short|brief|little|new) )?(?:blog )?(?:post|note|article|update) (?:about|on)\b/i,
    verb: () => "writes about",
  },
  // "Here are the slides from the Seattle.RB presentation…" → "<name> shares the slides from…"
  {
    pattern: new RegExp(
      String.raw`^here(?:['’]s| is| are)(?= (?:the|our) (?:[\w.-]+ ){0,2}${ARTIFACT}\b)`,
      "i",
    ),
    verb: () => "shares",
  },
  // A round-up's opening: "Here are some new tools which provide a nice end-user interface to
  // CloudFront." → "<name> rounds up some new tools which provide…"
  {
    pattern:
      /^here(?:['’]s| is| are)(?= (?:some|a few|several|a handful of|a couple of|\d+|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ ){0,2}(?:tools|resources|links|projects|libraries|apps|plugins|services|extensions|utilities)\b)/i,
    verb: () => "rounds up",
  },
  // A podcast's description (no flag "u" here: THESIS joins every pattern into one):: "Join our host, Executive Director Josepha Haden Chomphosy, as she
  // explores…" → "Executive Director Josepha Haden Chomphosy explores…"
  {
    pattern:
      /^[Jj]oin (?:us and )?(?:[Oo]ur |[Tt]he )?(?:host|guest)s?,? ((?:[A-Z][\w.'’-]*\s+){1,8}[A-Z][\w'’-]+),? as (?:she|he) ([a-z]+s)\b/,
    verb: (match) => match[2] ?? "",
    subject: (match) => match[1] ?? "",
  },
  // An event's invitation: "You are invited to join the SimpleDB team on…" → "<name> invites
  // readers to join the SimpleDB team on…"
  {
    pattern: /^you(?:['’]re| are) (?:(?:all|cordially|warmly) )?invited to\b/i,
    verb: () => "invites readers to",
  },
  // "We'd like to share…"
  {
    pattern:
      /^(?:(?:today|here),? )?(?:we|I)(?:['’]d| would) like to (share|introduce|announce|present|show)\b/i,
    verb: (match) => thirdPerson(match[1] ?? ""),
  },
];

// "…introducing Netflix Drive, a cloud drive, and providing a high level overview of some of its
// features": a second clause that says what the post does (gives an overview), not the thing.
const POST_CLAUSE = new RegExp(
  String.raw`,?\s+(?:and|while|as well as)\s+(?:(?:will|to)\s+)?(?:provid|giv|offer|shar|present|tak|walk)(?:e|es|ing|s)?\b` +
    String.raw`[^.;]{0,40}?\b(?:overview|look|tour|introduction|summary|glimpse|peek|walk-?through|sense|idea|taste|picture)\b[^.;]*(?=[.!]?$)`,
  "i",
);

const MAX_THESIS_CHARS = 600;

/** A sentence in which the article says what it is about, in a form `rewriteThesis` handles. */
export const THESIS = new RegExp(FORMS.map((form) => form.pattern.source).join("|"), "i");

/**
 * The thesis with the publisher as its subject, its verb in the third person; the rest of the
 * sentence is left for the first-person rewrite. Undefined when it is not a thesis or promises
 * without saying anything ("In this post we'll explain.").
 */
export function rewriteThesis(sentence: string, name: string): string | undefined {
  for (const form of FORMS) {
    const match = sentence.match(form.pattern);
    if (!match) continue;
    const rest = dropPostClause(sentence.slice(match[0].length));
    const words = rest.match(/\p{L}{3,}/gu) ?? [];
    if (words.length < 3 || /:\s*$/.test(rest)) return undefined;
    // The subject opens the sentence: "the team" (no publisher known) too is capitalized.
    const subject = form.subject?.(match) ?? name;
    return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${form.verb(match)}${rest}`;
  }
  return undefined;
}

/** The rest of a thesis without a trailing clause about the post itself, if enough is left. */
function dropPostClause(rest: string): string {
  // A thesis longer than this is shortened anyway; the pattern rescans to the end at each "and".
  if (rest.length > MAX_THESIS_CHARS) return rest;
  const clause = POST_CLAUSE.exec(rest);
  if (clause === null || clause.index === undefined) return rest;
  const kept = rest.slice(0, clause.index);
  return (kept.match(/\p{L}{3,}/gu) ?? []).length >= 3
    ? `${kept}${rest.slice(clause.index + clause[0].length)}`
    : rest;
}

/** "describe" → "describes", "walk you through" → "walks through", "go over" → "goes over". */
function thirdPerson(phrase: string): string {
  const [head = "", ...tail] = phrase.replace(/ you /, " ").split(" ");
  return [conjugate(head), ...tail].join(" ");
}

// "announcing" → "announce", "shipping" → "ship", "launching" → "launch".
function baseForm(verb: string): string {
  if (!verb.endsWith("ing")) return verb;
  const stem = verb.slice(0, -3);
  if (stem.endsWith("pp")) return stem.slice(0, -1);
  return /(?:c|s|r)$/.test(stem) ? `${stem}e` : stem;
}

/** The third person singular of a verb in the base form: "run" → "runs", "fix" → "fixes". */
export function conjugate(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === "have") return "has";
  if (lower === "be" || lower === "am" || lower === "are") return "is";
  if (/(?:s|x|z|ch|sh|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
