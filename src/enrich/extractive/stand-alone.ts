// Whether an English sentence can be read without the one before it, and the repair that makes
// it so: "But, the result is the same" points back at text the reader of the email cannot see.

import { STANCE } from "./argue-stance.js";

/** The sentence as it may stand alone, or why it cannot. */
export type Opening =
  | { text: string; isRepaired: boolean }
  /** It opens by pointing back ("This means…", "They…"): only with the sentence before it. */
  | "needs-previous"
  /** It points at something elsewhere in the article ("mentioned above"): never. */
  | "unusable";

// Dropped with or without a comma after them.
const CONNECTIVE = `and|but|or|so(?! far\\b| much\\b| many\\b| that\\b| long\\b)|yet|plus|however|moreover|furthermore|additionally|besides|thus|hence|therefore|consequently|nevertheless|nonetheless|meanwhile|likewise|similarly|indeed|luckily|fortunately|unfortunately|interestingly|surprisingly|importantly|notably|crucially|sadly|happily|oddly|ironically|since then|after that|afterwards|from then on|by then|until then|at that point|at that time|along the way|in addition to (?:this|that)|on top of (?:this|that)`;
// Dropped only when a comma marks them as an aside: "Then, we…" but not "Then came…". Filler
// that frames the sentence ("As the name implies, …", "Recently, …": recent to the post, not to
// the email read days later) says nothing the rest does not. A summing-up ("In a nutshell, …")
// marks a lesson, and goes only from the chosen text (dropSummingUp).
const ASIDE = `also|still|then|now|again|later|next|first|second|third|fourth|fifth|firstly|secondly|thirdly|finally|lastly|instead|otherwise|in addition|on the other hand|in contrast|by contrast|of course|in fact|after all|as such|ultimately|overall|in short|in other words|that said|even so|as a result|from there|with that|to that end|for (?:this|that|these) reasons?|because of (?:this|that)|as (?:mentioned|noted|discussed|described|shown)(?: (?:above|earlier|before|previously))?|once again|in (?:this|that|each|either) case|at (?:this|that) point|on top of (?:this|that)|beyond (?:this|that)|in turn|for (?:example|instance)|to (?:do|achieve|solve|fix|address|accomplish|avoid|prevent) (?:this|that|it)|in practice|in the end|by doing (?:this|that|so)|this way|specifically|basically|essentially|naturally|obviously|clearly|tl;?dr|needless to say|not surprisingly|unsurprisingly|as expected|as (?:you|one) (?:might|would|can|could|may) (?:expect|imagine|guess|see)|as (?:the|its) name (?:implies|suggests)|recently`;
const LEADING = new RegExp(
  String.raw`^(?:(?:${CONNECTIVE})\b,?|(?:${ASIDE})(?:,|:|\s+—|\s+–))\s+`,
  "i",
);
// "My favorite part is that method missing is in the decorator": a feeling wrapped round a
// fact; the fact stands alone without it.
const OPINION =
  /^(?:my|our|the) (?:very )?(?:favou?rite|best|coolest|nicest|neatest) (?:part|thing|bit|feature)(?: (?:about|of) [^,]{1,30}?)? is (?:that )?(?=\S)/i;
// What a sentence may not open with once its connective is gone: a pronoun or a phrase whose
// meaning is in the sentence before ("Some are for fancy ideas…", "All come with new
// features…": some or all of what?). "With all sources migrated, …" names what it means ("all"
// before a plural noun); "With all that…" does not.
const BACK_REFERENCE =
  /^(?:this|that|these|those|such|it|its|it['’]s|they|they['’]re|them|their|theirs|he|he['’]s|she|she['’]s|his|her|him|here(?!['’]s| is| are)|both|neither|either|another|which|whose|the (?:former|latter|same|above|rest|other|others)|the (?:first|second|third|last|other|new|old|next) ones?\b|(?:for|of|in|with|from|on) (?:each|both|all(?!\s+(?!this\b|these\b|those\b|its\b|his\b|is\b|was\b|has\b|does\b)[a-z]+s\b)|either|neither)\b(?! of)|each of (?:them|these|those)|one of (?:them|these|those)|doing so|in doing so|(?:some|many|most|several|few|others|all|none|both)(?= (?:are|were|have|had|do|did|can|will|would|of (?:them|these|those|us)|come|came|include|included|ship|shipped|bring|brought|contain|contained|feature|support|offer|provide|need|require|work|worked|run|ran|share|use|look|looked|seem|seemed|go|went|get|got|take|took|show|showed)\b))\b/i;
// Openers that lean on the sentence before even without a comma after them ("Also available
// is…", "Now that…", "Eventually the team…"): never dropped, only joined to that sentence.
const LEANING_OPENER =
  /^(?:also|still|then|next|later|eventually|finally|lastly|instead|otherwise|again|second|secondly|third|thirdly|fourth|conversely|regardless|anyway|either way|even then|along the way|apart from that|other than that|with (?:this|that)|before that|at the same time|in (?:this|that) case|now(?:,|\s+that\b))\b/i;
// "When it is first created, it…": a clause whose subject is a pronoun pointing back; "When
// doing that, …": one whose object does; "With this approach…", "…, this sidecar provides…": a
// demonstrative early in the sentence ("such as" points at no sentence: it gives examples).
const CLAUSE_BACK_REFERENCE =
  /^(?:when|if|because|since|although|though|once|as|while|after|before|unless|until|whenever) (?:it|they|this|these|those|he|she)\b|^(?:when|while|after|before|in|once) \p{L}+ing (?:that|this|so|it|them)\b|^(?:\S+\s+){0,7}?(?:this|these|those|such)\s+(?!(?:(?:last|first|latest|new|special|security|maintenance|major|minor|bug-?fix|and|\p{L}+-\p{L}+|\p{L}+th)\s+){0,3}(?:release|version|update|post|article|episode|edition|issue|installment|podcast|year|week|month|quarter|season|time|morning|spring|summer|fall|autumn|winter|is|was|means|meant)\b)(?!(?<=\bsuch\s+)as\b)\p{L}|^(?:\S+\s+){0,15}?(?:these|those) (?!days\b|who\b|whose\b|which\b|that\b|where\b)\p{L}/iu;
// "For Juan Aldasoro, a developer…, it provides an opportunity…": after a leading phrase, a
// pronoun subject means what the sentence before named (not "…, it is possible to…").
const INTRO_PRONOUN =
  /^(?:for|to|in|at|on|with|from|by|after|during|over|across|like|unlike|among|despite) (?:[^,]{2,80}, ){1,2}(?:it|they|he|she)\b(?!['’]s\b|\s+(?:is|was|has been|seems|becomes)\b)/i;
// "The main focus is on the DownloadHandlerBuffer object": the focus of what the sentence before
// set out to look at ("Let's look at the guts of these components"). With an "of", it says.
const UNANCHORED_FOCUS =
  /^the (?:main |primary |key |real |central |first |whole )?(?:focus|point|part|piece|thing|catch|trick)\s+(?:here\s+)?(?:is|was|lies)\b/i;
// "How much faster will depend on your site…": faster than what was said before.
const COMPARED_BACK = /^how (?:much|many) (?:\w+er|more|less|fewer|better|worse)\b/i;
// "…ended up cutting it by 35%": what "it" is was said before.
const CHANGED_PRONOUN =
  /\b(?:cut|cutting|reduc\w*|lower\w*|brought|bringing|shr[ai]nk\w*|halv\w*|doubl\w*|improv\w*|fix\w*|replac\w*)\s+(?:it|them|this|that)\b/i;
// He, she, they: whom they mean is in the sentence, or in the one before.
const PERSONAL_PRONOUN = /\b(?:he|she|him|his|her|hers|they|them|their|it)\b/i;
// "This release…", "This year…": anchored in the article itself, not in the sentence before.
const SELF_ANCHORED =
  /^(?:this|these|that)\s+(?:(?:is|was)\s+(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:release|version|update|post|article|year|week|month|quarter|season|spring|summer|fall|autumn|winter|morning|afternoon|evening|weekend|time|past|episode|edition)\b/i;
// "Beyond the noted changes, …": what the article said elsewhere.
const POINTS_ELSEWHERE =
  /\bthe (?:noted|aforementioned|above-mentioned|abovementioned|afore-mentioned)\b|\b(?:screenshots?|images?|figures?|diagrams?|charts?|graphs?|tables?|examples?|snippets?|code|list|steps|sections?|paragraphs?)\s+(?:above|below)\b|\b(?:for|of|by|with|to|from) (?:exactly |precisely |just )?(?:this|that|these|those) (?:reasons?|problems?|issues?|approach|way|pattern|trick|change|bug|cases?)\b|\b(?:mentioned|described|discussed|shown|noted|explained|outlined|listed|covered|posted|written|referenced|linked|quoted) (?:above|earlier|before|previously|yesterday|last (?:week|month|time))\b|\b(?:the|this|that) (?:former|latter)\b|\bas (?:above|before)\b|\b(?:see|in) (?:the )?(?:above|below|previous|next|following) (?:section|figure|table|diagram|chart|image|example|screenshot|graph|post)\b|\b(?:above|below)[).,]?$|\b[A-Za-z]+ (?:above|below)(?=[,;:)]|\s+(?:is|are|was|were|shows?|has|have|contains?)\b)|\b(?:is|are|was|were) the same\b/i;

// "Cirrhus9 (mentioned yesterday) and Pfizer are co-sponsors…", "…the cache (see above)…": an
// aside that points elsewhere; the sentence says all it needs without it.
const ASIDE_ELSEWHERE =
  /\s*\((?:as |which I |that I |we )?(?:mentioned|described|discussed|shown|noted|explained|covered|posted|written|wrote|blogged|linked|featured)(?: about)? (?:above|below|earlier|before|previously|yesterday|last (?:week|month|time))\)|\s*\((?:see|more on (?:that|this)) (?:above|below|earlier|later)\)/gi;

/**
 * The sentence with a leading connective dropped ("However, the cache…" → "The cache…") and an
 * aside pointing elsewhere ("(mentioned yesterday)") left out, when what remains stands alone;
 * "needs-previous" when it opens by pointing back; "unusable" when it points at another part of
 * the article.
 */
export function standAlone(sentence: string): Opening {
  const whole = sentence.trim();
  let text = whole.replace(ASIDE_ELSEWHERE, "");
  let isRepaired = text !== whole;
  for (let dropped = 0; dropped < 2; dropped++) {
    const match = text.match(LEADING) ?? text.match(OPINION);
    if (!match) break;
    text = capitalizeFirst(text.slice(match[0].length));
    isRepaired = true;
  }
  if (POINTS_ELSEWHERE.test(text)) return "unusable";
  // A stance's dummy "it" points nowhere; the clause it stands for must stand alone in its turn
  // ("It's important to remember that they…": they who?).
  const stance = STANCE.exec(text);
  if (stance !== null) {
    const clause = standAlone(capitalizeFirst(text.slice(stance[0].length).trim()));
    return typeof clause === "string" ? clause : { text, isRepaired };
  }
  const pointsBack =
    (BACK_REFERENCE.test(text) && !SELF_ANCHORED.test(text)) ||
    LEANING_OPENER.test(text) ||
    COMPARED_BACK.test(text) ||
    UNANCHORED_FOCUS.test(text) ||
    CLAUSE_BACK_REFERENCE.test(text) ||
    INTRO_PRONOUN.test(text);
  if (pointsBack || hasOrphanPronoun(text) || changesUnnamed(text)) {
    return "needs-previous";
  }
  // "…, which means" cut by a connective drop leaves a fragment: "that we…", "of the…".
  if (/^\p{Ll}/u.test(text) && !/^\p{Ll}+\p{Lu}/u.test(text)) return "unusable";
  return { text, isRepaired };
}

/**
 * "…ended up cutting it by 35%" points back; "…found an example, fixed it up…" introduced what
 * "it" is earlier in the sentence ("a"/"an" before it).
 */
function changesUnnamed(text: string): boolean {
  const match = CHANGED_PRONOUN.exec(text);
  return match !== null && !/\b(?:a|an)\s+\S/i.test(text.slice(0, match.index));
}

/**
 * True when "he", "she" or "they" has nobody to refer to before it in the sentence: no name
 * (a capitalized word past the first) for "he" and "she", nor a plural or a list for "they".
 */
function hasOrphanPronoun(text: string): boolean {
  const match = PERSONAL_PRONOUN.exec(text);
  if (match === null) return false;
  const before = text.slice(0, match.index);
  const hasName = /\s\p{Lu}\p{Ll}/u.test(before);
  // "Eighteen months after launch it served…": a subject "it" after a few words and no noun.
  if (match[0].toLowerCase() === "it") {
    const words = before.trim().split(/\s+/);
    return (
      !hasName &&
      words.length <= 6 &&
      !/\b(?:the|a|an|its|our|their|this|that|each)\b|,/i.test(before)
    );
  }
  if (/^(?:he|she|him|his|her|hers)$/i.test(match[0])) return !hasName;
  return !hasName && !/\p{L}{3,}s\b|\band\b/u.test(before);
}

/** "the cache" → "The cache", but "eBPF" and "iOS" keep their case. */
export function capitalizeFirst(text: string): string {
  return /^\p{Ll}+\b/u.test(text) && !/^\p{Ll}+\p{Lu}/u.test(text)
    ? text.charAt(0).toUpperCase() + text.slice(1)
    : text;
}
