import { CUT, hasCode, MARKUP } from "../text-defects.js";
import { hasFiniteVerb } from "./has-finite-verb.js";
import { THESIS } from "./rewrite-thesis.js";

/** What a sentence is, for deciding whether it may stand in a summary or a why. */
export type SentenceKind =
  | "content"
  /** The article saying what it is about ("In this post we describe how…"): rewritten, preferred. */
  | "thesis"
  | "boilerplate"
  | "caption"
  | "citation"
  | "heading"
  | "question"
  | "lead-in"
  | "code"
  | "markup"
  | "cut"
  | "timestamp"
  | "teaser"
  | "call-to-action"
  | "anecdote"
  | "fragment"
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
    String.raw`(?:special |big |huge |many )?props to\b`,
    String.raw`(?:we(?:'d| would) like to |we )thank\b`,
    String.raw`(?:shout-?outs?|acknowledg(?:e)?ments?)\b|credits?\s*:`,
    String.raw`(?:read|learn) more\b`,
    "continue reading",
    String.raw`(?:subscribe|sign up|follow us|join us|join our|apply (?:now|here|today))\b`,
    "(?:we(?:'re| are)|we['’]re) hiring",
    "(?:if you(?:'re| are) )?interested in (?:joining|working)",
    "(?:check out|see|visit) our (?:careers|jobs|open roles|open positions)",
    String.raw`(?:originally )?(?:published|posted|cross-posted) (?:on|at|in)\b`,
    String.raw`(?:tags|filed under|disclaimer|updated|editor['’]s note|note|n\.?b\.?|p\.?s\.?|edit)\s*:`,
    "(?:share this|copyright|©|all rights reserved)",
  ].join("|")})`,
  "iu",
);
// Medium appends "<title> was originally published in <blog> on Medium, where people…".
// Release notes' credits: "…represents 23 contributions by 8 contributors…", "a big shoutout to…".
const BOILERPLATE_ANYWHERE =
  /\b(?:we['’]re hiring|we are hiring|careers page|open (?:roles|positions)|join (?:our|the) team|was originally published (?:in|on|at)|represents \d+ contributions|contributions by \d+ contributors|shout-?outs? to|(?:release|version) was led by)\b|^@\w/i;
const CAPTION =
  /^[*_"“([]*(?:figure|fig\.?|image|photo|picture|source|credit|screenshot|diagram|table|chart|listing|exhibit|illustration)\s*\d*\s*[:.–—-]|^[*_"“([]*(?:figure|fig\.?|table|chart|diagram|listing)\s+\d+\b/i;
const IMAGE_CREDIT =
  /^(?:(?:cover |header |hero |featured )?(?:image|photo|illustration|picture|graphic)s? (?:courtesy|credits?|by|from|via)\b)|\b(?:courtesy of|photo by|image by|(?:via|on) unsplash)\b/i;
const CITATION = /\bet al\.|\barXiv:|\bdoi:|\bIn Proceedings\b|^\[\d{1,3}\]/;
// Braces, calls, assignments, snake_case, flags, paths: not parentheses or "$40k" in prose.
const CODE_TOKEN = /[{};=<>`]|\w\(|\(\)|\[\]|\$[({]|::|^\w+_\w+|^--\w|\/\w+\//;
// A changelog line: "Fix server regression … 2f9eac4 @bep #9901".
const CHANGELOG_ENTRY = /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b.*@\w|@\w[\w-]*\s+#\d+/;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const TIMESTAMP = new RegExp(
  `^(?:\\d{1,2}:\\d{2}\\b|\\d{4}-\\d{2}-\\d{2}\\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \\d|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b|\\d{1,2} ${MONTH},? \\d{4}\\b)`,
  "i",
);

// English only from here.
const TEASER = new RegExp(
  `^(?:${[
    "read on",
    String.raw`(?:below|above)\b`,
    "keep reading",
    String.raw`here(?:['’]s| is| are)\b`,
    // "Lets look…" is the same teaser with its apostrophe lost.
    `let['’]?s (?:dive|take|look|get|see|start|explore|walk|dig|begin|jump|conclude|wrap)`,
    // "Let me conclude by sharing a quick story…": the author announcing what comes next.
    `let (?:me|us) (?:conclude|start|begin|share|explain|walk|show|take|introduce|tell|dive|look)\\b`,
    String.raw`(?:in the (?:rest of this|following|next) (?:post|article|sections?)|below),? (?:we|I)\b`,
    "stay tuned",
    `more on (?:that|this) (?:later|below|soon)`,
    String.raw`in (?:part|the next) (?:\w+ )?(?:post|article|installment)\b`,
  ].join("|")})`,
  "i",
);
// "…, so keep reading to learn about the latest…": a teaser after its clause; "…there are many
// exciting things in the works", "…among many other exciting updates": hype promising more.
// "There is a way to download large files and save them without using unnecessary RAM.": a
// solution promised and not named, the lead-in to the section that names it ("…: streams", "…by
// streaming them" name it).
export const UNNAMED_WAY =
  /^there(?:['’]s| is) (?:a|an|another|one) (?:(?:better|simple|easy|easier|cleaner|faster|good|great|nice|neat) )?(?:way|solution|trick|fix|technique|approach) to\b(?![^:]*(?::|\bby \p{L}+ing\b))/iu;
const TEASER_ANYWHERE =
  /\b(?:keep reading|read on to|continue reading to)\b|\b(?:many|lots of|a lot of|plenty of) (?:other |more )?(?:exciting|great|cool|amazing|awesome) (?:things|updates|news|stuff|changes|announcements)\b/i;
const CALL_TO_ACTION =
  /^(?:sign up|check out|click|learn more|let us know|tell us|don['’]t (?:forget|miss)|make sure|be sure|feel free|please|head (?:over|to)|reach out|stay tuned|go ahead|save the date|mark your calendar|rsvp|help (?:test|us)|come (?:join|see|say))\b|^(?:download|try|join|install|visit|register|subscribe|follow|share|watch|listen|read|see|apply|upgrade|update|test|get|grab|give|start|find|contact|explore|discover)\s+(?:the|a|an|your|our|it|this|these|them|us|out|up|now|today|here|more|to|on|in|with|for|at|and)\b|\byou can (?:download|find|read|watch|listen|register|join|sign up|subscribe|follow|check|learn more|get (?:it|the|started))\b|\b(?:register|sign up|apply|rsvp)\w* by (?:e-?mailing|writing to|contacting|sending)\b|\b(?:are|is) (?:(?:strongly|warmly) )?(?:encouraged|invited|welcome) to\b|^your (?:help|feedback|input|support)\b/i;
// …and interjections: "Wow, eliminating…", "OK, all good things are three…".
const GREETING =
  /^(?:hello|hi|hey|welcome|greetings|good (?:morning|afternoon|evening)|happy (?:new year|holidays|birthday))\b|^(?:wow|whoa|yay|hooray|ok|okay|oh|phew|yikes|alas)\b[,!.]/i;
// Memories and feelings: a person's story, never what an article did.
const ANECDOTE =
  /\b(?:so much fun|had a blast|a lot of fun|was (?:awesome|amazing|a blast)|(?:exciting|fun|great|amazing|awesome) to (?:talk|meet|see|hang|catch up))\b|^(?:when I was|as a (?:kid|child|teenager|student)|growing up|years ago|back (?:in|when)|I (?:still )?remember|I first|my first|I started (?:my|as|out)|I joined|I was (?:born|raised|hired))\b|\bI(?:['’]m| am| was)? (?:so |really |very |truly )?(?:love|loved|hate|hated|feel|felt|hope|hoped|wish|wished|miss|missed|excited|happy|thrilled|proud|grateful|nervous|lucky|sad|scared|passionate|can['’]t wait|couldn['’]t believe|grew up|think|thought|believe|guess|suppose)\b/;
// A feeling or thanks said by the authors, with "we"/"it" or after a dropped connective ("To begin
// with, it was thrilling to see the enthusiasm…", "We're so proud of…", "We love…"); an
// announcement in that voice ("…excited to announce") is the thesis, classified before this.
const FEELING =
  /\b(?:it (?:was|is|has been)|it['’]s|(?:we|I)(?:['’]re|['’]m| are| am| was| were| have been| feel|['’]ve been)) (?:so |really |very |truly |absolutely |incredibly |deeply )?(?:thrilling|exciting|wonderful|amazing|inspiring|heartwarming|humbling|a (?:pleasure|joy|delight|privilege|thrill)|thrilled|excited|happy|proud|delighted|grateful|thankful|honou?red|humbled|glad|overwhelmed|passionate) (?:to (?!(?:announce|report|share|introduce|release|launch|unveil|present)\b)|that|about|by|for|with|of)|\b(?:we|I) (?:love|loved|adore|enjoyed)\b/i;
// "The team is looking forward to speaking with developers on the 20th.": a greeting's warmth.
const LOOKING_FORWARD =
  /\b(?:is|are|am|['’]re|['’]m) (?:(?:really|very|so|all) )?looking forward to\b|\blook forward to (?:seeing|meeting|speaking|hearing|talking|working|welcoming)\b/i;
// "I went to Japan a few weeks ago for vacation…", "I just got back from a trip…": a travel memory.
const TRAVEL =
  /\b(?:I|[Ww]e)(?: just| recently| finally)?(?:['’]m| am| was| were| went| traveled| travelled| flew| got back| came back| returned|['’]ve been| have been)\b[^.!?]{0,60}?\b(?:(?:on|for) (?:a |my |our )?(?:vacation|holiday|honeymoon)s?|(?:vacation|holiday|honeymoon)s?\b)|\b(?:I|[Ww]e)(?:['’]m| am|['’]re| are) (?:finally )?back (?:home|from)\b/;
// A paper's title has no finite verb; a sentence almost always has one of these.
const FINITE_VERB =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|does|did|do|should|may|might|must)$/;
// "Option 1:", "Step 2:" — a label for what follows, the start of a list.
const LIST_LABEL =
  /^(?:option|step|part|phase|stage|tip|rule|lesson|reason|method|approach|solution)\s+\d+\s*[:.)-]/i;
// An instruction to the reader: "Install and activate…", "Choose one of these…", "Use the…".
const IMPERATIVE =
  /^(?:install|activate|choose|select|pick|use|add|create|run|open|set|make|type|enter|navigate|copy|paste|configure|enable|disable|note|remember|consider|imagine|take|keep|avoid|look|check|browse|go|put|move|replace|write|call|define|ensure|turn|tap|press|drag|hover|scroll|upload|deploy|clone|change|edit|delete|remove|restart|refresh|save|log|say|meet|welcome|join|grab|give|help|tell|ask|send|leave|bring|print|paste|specify|provide|point|follow|compare|think)(?:\s+(?:and|or)\s+\w+)?\s+(?:the|a|an|your|this|that|these|those|it|them|one|some|all|each|any|every|our|my|its|their|yourself|here|there|now|carefully|sure|back|down|over|through|off|away|with|for|at|from|into|on|in|to|up|out|hello|goodbye|in mind)\b/i;
// "For more information, browse…", "it is recommended that you update…".
const ADVICE =
  /^for (?:more|further|full|additional) (?:information|details|info)\b|^if you(?:['’]re| are) interested\b|\bplease (?:reach out|contact|let us know|get in touch|email|send|join|visit|share)\b|\breach out to us\b|\byou(?:['’]re| are) invited\b|\b(?:it is|it['’]s|we) (?:strongly |highly )?recommend(?:ed)? (?:that )?you\b|\byou (?:should|must|need to|will need to) (?:update|upgrade|install|download|check|make sure)\b/i;
// The article's plan, in the future tense: "First I'll give you a code sample, then…".
const ROADMAP =
  /\b(?:I|we)(?:['’]ll| will) (?:first |then |now |also |briefly )?(?:give you|show you|walk you|explain|cover|talk about|go over|look at|discuss|describe|share|dive|start|begin|take a look)\b/i;
const FUNCTION_WORD =
  /^(?:and|or|but|nor|which|that|with|without|to|of|for|in|on|at|by|from|the|a|an|as|than|then|so|because|while|whereas|if|when|where)\b/;

/** Classifies a sentence; only "content" and "thesis" may stand in a summary or a why. */
export function classifySentence(sentence: string, isEnglish = true): SentenceKind {
  const text = sentence.trim();
  const neutral = classifyShape(text);
  if (neutral !== undefined) return neutral;
  if (isEnglish && (BYLINE.test(text) || POSTED_BY.test(text)) && text.length < 100) {
    return "boilerplate";
  }
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 6) return "short";
  if (isTitleCase(words)) return "citation";
  if (isEnglish) {
    const english = classifyEnglish(text);
    if (english !== undefined) return english;
  }
  if (/\?["'”’)\]]*$/.test(text)) return "question";
  // "The rollout had three steps:" introduces a list and says nothing by itself.
  if (/:$/.test(text)) return "lead-in";
  // Headings are short and lack a sentence's ending.
  if (!/[.!…:;"'”’)\]]$/.test(text) && words.length <= 12) return "heading";
  return "content";
}

/** What any language's sentence is by its shape alone: captions, code, markup, cut text. */
function classifyShape(text: string): SentenceKind | undefined {
  if (CAPTION.test(text)) return "caption";
  if (CHANGELOG_ENTRY.test(text)) return "code";
  if (CITATION.test(text)) return "citation";
  if (TIMESTAMP.test(text)) return "timestamp";
  if (isMostlyCode(text) || hasCode(text)) return "code";
  if (MARKUP.test(text)) return "markup";
  if (CUT.test(text)) return "cut";
  return undefined;
}

function classifyEnglish(text: string): SentenceKind | undefined {
  if (IMAGE_CREDIT.test(text)) return "caption";
  if (THESIS.test(text)) return "thesis";
  if (BOILERPLATE_START.test(text) || BOILERPLATE_ANYWHERE.test(text)) return "boilerplate";
  if (
    TEASER.test(text) ||
    TEASER_ANYWHERE.test(text) ||
    UNNAMED_WAY.test(text) ||
    ROADMAP.test(text)
  )
    return "teaser";
  if (
    GREETING.test(text) ||
    ANECDOTE.test(text) ||
    FEELING.test(text) ||
    LOOKING_FORWARD.test(text) ||
    TRAVEL.test(text)
  ) {
    return "anecdote";
  }
  if (CALL_TO_ACTION.test(text) || IMPERATIVE.test(text) || ADVICE.test(text)) {
    return "call-to-action";
  }
  if (LIST_LABEL.test(text)) return "fragment";
  if (FUNCTION_WORD.test(text)) return "fragment";
  // "Conditional functionality added to methods with no weird … involvement.": a headline's
  // note with no finite verb. A colon's "The biggest lesson: measure each stage…" is a sentence.
  if (!text.includes(":") && !hasFiniteVerb(text)) return "fragment";
  return undefined;
}

// "DCN V2: Improved Deep & Cross Network and Practical Lessons for Web-scale Learning to Rank
// Systems." — a paper's or a section's title, not a sentence of the article.
function isTitleCase(words: readonly string[]): boolean {
  if (words.some((word) => FINITE_VERB.test(word))) return false;
  const long = words.filter((word) => /^\p{L}{4,}/u.test(word));
  if (long.length < 4) return false;
  const capitalized = long.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalized / long.length >= 0.75;
}

function isMostlyCode(text: string): boolean {
  if (/^(?:\$ |> |```|#!|\/\/|#include|import |const |let |def |func )/.test(text)) return true;
  // One word character before ":=" says as much as a word, without scanning each word from each of
  // its letters (a 50 KB word: 2 s).
  if (/\{\{|\}\}|=>|\w\s*:=/.test(text)) return true;
  const tokens = text.split(/\s+/).filter((token) => token !== "");
  const codeLike = tokens.filter((token) => CODE_TOKEN.test(token)).length;
  return tokens.length > 0 && codeLike / tokens.length > 0.4;
}
