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
];
const CHANGE =
  /\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|improv(?:e|es|ed|ing)|enabl(?:e|es|ed)|lets|allow(?:s|ed)?|sav(?:e|es|ed|ings)|speeds? up|sped up|prevent(?:s|ed)?|eliminat(?:e|es|ed)|halved|doubled|tripled|lower(?:s|ed)?|dropp(?:ed)|drops?|decreas(?:e|es|ed)|increas(?:e|es|ed)|boost(?:s|ed)?|shr[au]nk|fell|rose|grew|jumped|climbed|reached|went from|instead of|faster|fewer|avoid(?:s|ed)?)\b/gi;
const LESSON =
  /\b(?:we learned|we(?:'ve| have) learned|lessons?|takeaways?|this means|which means|that means|as a result|the result|the upshot|the payoff|in short|bottom line|key insight|in the end|the biggest win)\b/gi;

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
  const lessons = count(sentence, LESSON);
  // Under a "Results" heading a figure is the result ("the run takes 35 minutes").
  const isOutcome = lessons > 0 || (figures > 0 && (changes > 0 || inResults)) || changes >= 2;
  return isOutcome ? figures + changes + 2 * lessons : 0;
}

/** True when the sentence draws a lesson rather than reporting a figure. */
export function statesLesson(sentence: string): boolean {
  return count(sentence, LESSON) > 0;
}
