// "Who is WordPress actually made for? Join our host… as she explores this controversial
// question…": "this question" points at a question the email does not show. Said in its own
// words ("explores the controversial question “Who is WordPress actually made for?”…"), the
// sentence says what the post asks. English only.

import type { ScoredSentence } from "./score-sentences.js";

// "this question", "that controversial question", "this very question": up to two words between.
const THIS_QUESTION =
  /\b(?:this|that)\s+((?:[\p{Ll}-]+\s+){0,2}?)question\b(?!\s+(?:of|whether)\b)/iu;
// A title's question: its last part after a series' label ("WP Briefing: Episode 27: Is…?").
const TITLE_QUESTION = /(?:^|:\s+)([^:]{8,}\?)\s*$/u;

/**
 * The question "this question" in `sentence` means: the sentence right before it in its
 * paragraph when that one asks a question, else the title's question; undefined when neither
 * asks one or the sentence has no such demonstrative.
 */
export function questionMeant(
  scored: readonly ScoredSentence[],
  sentence: ScoredSentence,
  title: string,
): string | undefined {
  if (!THIS_QUESTION.test(sentence.text)) return undefined;
  const previous = scored[sentence.index - 1];
  if (
    previous !== undefined &&
    previous.paragraph === sentence.paragraph &&
    previous.block === "prose" &&
    /\?$/.test(previous.text)
  ) {
    return previous.text;
  }
  return TITLE_QUESTION.exec(title.trim())?.[1];
}

/** `text` with its "this question" said as the question itself, or `text` as it was. */
export function nameQuestion(text: string, question: string | undefined): string {
  if (question === undefined) return text;
  return text.replace(
    THIS_QUESTION,
    (_, words: string, at: number) => `${at === 0 ? "The" : "the"} ${words}question “${question}”`,
  );
}
