// Figures: percentages, multipliers, money, durations, sizes, "from X to Y". Global flags so
// that `match` counts the hits.
const FIGURES: readonly [RegExp, number][] = [
  [/\d(?:[\d.,]*\d)?\s?(?:%|percent\b|per cent\b)/gi, 3],
  [/\b\d+(?:\.\d+)?\s?[x×](?!\w)|\b(?:two|three|four|five|ten)fold\b|\b\d+-fold\b/gi, 3],
  [/[$€£]\s?\d|\b\d[\d.,]*\s?(?:k|m|million|billion)?\s?(?:dollars|usd|eur)\b/gi, 3],
  [/\b\d[\d.,]*\s?(?:ms|µs|ns|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?)\b/gi, 2],
  [/\b\d[\d.,]*\s?(?:kb|mb|gb|tb|pb|rps|qps|req\/s)\b/gi, 2],
  [/\bp(?:50|90|95|99|999)\b/gi, 1],
  [/\bfrom\s+\S*\d\S*\s+(?:\S+\s+){0,3}to\s+\S*\d/gi, 2],
  // "fixed 181 of the 212 issues": counts (not years).
  [/\b(?!(?:19|20)\d\d\b)\d{2,}(?:,\d{3})*\b(?![.%])/g, 1],
  // "prevented three incidents", "hundreds of rebuilds", "billions of flow logs": counts in words.
  [
    /\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozens?|hundreds|thousands|millions|billions)\b/gi,
    1,
  ],
];
const CHANGE =
  /\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|improv(?:e|es|ed|ing)|enabl(?:e|es|ed)|lets|allow(?:s|ed)?|sav(?:e|es|ed|ing|ings) (?:\w+ )?(?:time|money|costs?|effort|hours|minutes|days|weeks|engineers?|\$\d+|\d+)|savings|speeds? up|sped up|prevent(?:s|ed)?|eliminat(?:e|es|ed)|halved|doubled|tripled|lower(?:s|ed)?|(?<!(?:is|are|was|were|be|been|gets?|got) )dropped|drops?|decreas(?:e|es|ed)|increas(?:e|es|ed)|boost(?:s|ed)?|shr[au]nk|fell|rose|grew|jumped|climbed|reached|went from|instead of|faster|fewer|avoid(?:s|ed)?|(?:down|up) \d|vs\.?|compared (?:to|with)|now \d|no longer|fixed|resolved|completed|finished|retired|(?:much |far )?(?:less|fewer) than \d+|as (?:little|low|few) as \d+)\b/gi;
// "…something interesting that they learned" names what was learned; it draws no lesson.
const LESSON =
  /\b(?:(?<!\b(?:that|what|which) )(?:we learned|we(?:'ve| have) learned|\w+ (?:has |have )?learned)|taught (?:us|them|the team)|lessons?|takeaways?|take away (?:just )?(?:one|a single) thing|this means|which means|that means|as a result|the result|the upshot|the payoff|in short|in a nutshell|bottom line|key insight|in hindsight|in the end|the biggest win|it turns out|turned out|(?:shows?|showed|demonstrates?|demonstrated|proves?|proved|confirms?|confirmed) (?:that|how))\b/gi;
// "Skipping the problem statement makes it difficult to measure whether the solution works": what
// leaving a practice out costs, said in the present of anyone, is the argument for it (a lesson),
// not a problem the article sets out from.
const COST_OF_SKIPPING =
  /^(?:skipping|ignoring|neglecting|omitting|forgetting|leaving out|not (?:having|writing|testing|using|doing|stating))\b[^.;]{3,80}?\b(?:makes? it (?:\w+ )?(?:hard|harder|difficult|impossible)|leads? to|risks?|runs? the risk|costs?)\b/i;
// A launch: what readers can now do.
const LAUNCH =
  /\b(?:is|are) now (?:available|generally available|in (?:beta|preview|public preview)|open[- ]source|supported)\b|\bnow (?:supports?|lets|allows|enables|includes|comes with|ships with|has)\b|\b(?:lets|allows|enables) (?:you|users|developers|engineers|teams|customers|anyone|readers|operators)\b|\bmakes? it (?:possible|easy|easier) to\b|\byou can now\b/i;
// A figure as a reader would recognize it again: "41%", "480 ms", "2.4x", "$96,000".
const FIGURE =
  /[$€£]?\d+(?:[.,]\d+)*\s?(?:%|x\b|×|ms\b|s\b|seconds?\b|minutes?\b|hours?\b|days?\b|[kmgtp]b\b|k\b|m\b|million\b|billion\b)?/gi;

const count = (text: string, pattern: RegExp) => Math.min(text.match(pattern)?.length ?? 0, 2);

/**
 * How strongly a sentence states an outcome, result or lesson; 0 unless it states one:
 * a lesson, a figure that changed ("cut the bill by 41%"), or at least two verbs of change.
 * A bare figure ("when the rate crosses 2%") describes, it does not conclude, unless it
 * stands under a results heading.
 */
export function scoreOutcome(sentence: string, inResults = false): number {
  let figures = 0;
  for (const [pattern, weight] of FIGURES) figures += weight * count(sentence, pattern);
  const changes = count(sentence, CHANGE);
  const lessons = count(sentence, LESSON) + (COST_OF_SKIPPING.test(sentence) ? 1 : 0);
  // Under a "Results" heading a figure is the result ("the run takes 35 minutes").
  const isOutcome = lessons > 0 || (figures > 0 && (changes > 0 || inResults)) || changes >= 2;
  return isOutcome ? figures + changes + 2 * lessons : 0;
}

/** True when the sentence announces something readers can now use. */
export function statesLaunch(sentence: string): boolean {
  return LAUNCH.test(sentence);
}

/** The figures a text states, normalized ("480 ms" → "480ms"), years and lone digits left out. */
export function findFigures(text: string): string[] {
  return [...text.matchAll(FIGURE)]
    .map(([figure]) => figure.toLowerCase().replace(/\s+/g, "").replace(/,/g, ""))
    .filter((figure) => !/^(?:19|20)\d\d$/.test(figure) && !/^\d$/.test(figure));
}

/** True when the sentence draws a lesson rather than reporting a figure. */
export function statesLesson(sentence: string): boolean {
  return count(sentence, LESSON) > 0 || COST_OF_SKIPPING.test(sentence);
}

// Background and setup: where the story starts, not where it ends.
const BACKGROUND =
  /^(?:at the (?:start|beginning|end) of (?:the|last|this) (?:year|quarter|month)|a year later|by (?:the summer|then|last year)|in (?:january|february|march|april|may|june|july|august|september|october|november|december|early|late|mid|the (?:early|late) days)\b|in (?:19|20)\d\d\b|(?:a|one|two|three|four|five|several|a few|many) (?:years?|months?|weeks?|days?) ago\b|last (?:year|month|quarter|week|spring|summer|fall|autumn|winter)\b|historically|previously|originally|until (?:recently|now|last)|at the time|back (?:in|then|when)|when (?:we|the team) (?:started|began|first)|before\b|prior to\b|despite\b|in the past|for (?:years|a long time|a while|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a couple of) (?:years|months|decades))\b|initially|at first|in the beginning|traditionally|over the (?:past|last) (?:few |several )?(?:years|months|decade))/i;
// The problem the article sets out to solve, stated before any change; a limit run into
// ("…went over the 1GB of RAM available on older iOS devices", "ran out of disk") too.
const PROBLEM =
  /\b(?:went over (?:the|its|our|their)|ran (?:out of|into)|exceeded|crash(?:ed|es|ing)?|out of memory|outage|broke|broken|failing|slow|costly|expensive|hard to|difficult|couldn['’]t|could not|no way to|lack(?:ed|ing)?|kept (?:growing|failing)|crept up)\b|\b(?:needed|wanted|had) to\b|\b(?<!(?:is|are|was|were|be|been|being|gets?|got|can be) )used to\b|\bhad (?:doubled|tripled|grown|become|reached|risen|increased|crept|ballooned|exploded|climbed)\b|\b(?:was|were) (?:costing|taking|growing|getting|becoming|slowing)\b|\b(?:problems?|challenges?|pain points?|struggled?|struggling|suffer(?:ed|ing)?|complain(?:ed|ts?)|frustrat\w+|bottlenecks?|incidents?)\b|\bonce (?:\w+ed|overwrote|broke|took|lost|wiped|caused)\b|\bwould (?:have|be)\b|\b(?:reached|reaches|is nearing|was nearing|approaching) (?:the )?end of (?:its )?(?:community |extended |official |long-term )?(?:support|life)\b|\bend-of-life\b|\b(?:was|were|is|are) (?:long )?overdue\b/i;
// A problem sentence that also reports the fix is an outcome after all.
const RESOLVED =
  /\d+(?:\.\d+)?\s?(?:%|x\b|×|ms\b|percent)|\b(?:solved|fixed|fix(?:es)?|eliminat\w+|removed|resolved|addressed|reduc\w+|cuts?|avoid\w*|prevent\w*|no longer|zero|fell|dropped|improv\w+|faster|cheaper|smaller|saved|sped up|can now|result(?:ed|s|ing)?|lesson|learn(?:ed|t)|taught|enabl\w+|allow(?:s|ing)|went from|down to|halved|so that|which means)\b/i;

/** True for background: a sentence that opens where the story starts ("In September…"). */
export function isBackground(text: string): boolean {
  return BACKGROUND.test(text);
}

// "Netflix's team was responsible for Google integrations, watermarking… and on-call support":
// who looked after what before the change is where the story starts.
const PAST_ROLE =
  /\b(?:was|were) (?:(?:\w+ly|also|still|solely|fully) )?(?:responsible for|in charge of)\b/i;

/** True for background or a problem statement: where an article starts, not what it did. */
export function isSetup(text: string): boolean {
  return (
    BACKGROUND.test(text) || PAST_ROLE.test(text) || (PROBLEM.test(text) && !RESOLVED.test(text))
  );
}

/** The numbers a title promises ("…from 480 ms to 95 ms" → 480, 95), to find where they are kept. */
export function promisedNumbers(title: string): ReadonlySet<string> {
  return new Set(numbersOf(findFigures(title)));
}

/** True when the text states one of the promised numbers. */
export function keepsPromise(text: string, promised: ReadonlySet<string>): boolean {
  return promised.size > 0 && numbersOf(findFigures(text)).some((number) => promised.has(number));
}

// "480ms", "$96000" → "480", "96000": the title says "480 ms", the text "480 milliseconds".
function numbersOf(figures: readonly string[]): string[] {
  return figures.map((figure) => figure.replace(/[^\d.]/g, "")).filter((number) => number !== "");
}
