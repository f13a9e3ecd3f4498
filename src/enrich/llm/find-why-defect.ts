import { classifySentence } from "../extractive/classify-sentence.js";
import { isSetup, scoreOutcome, statesLaunch, statesLesson } from "../extractive/score-outcome.js";
import { statesBenefit, whyRole } from "../extractive/why-role.js";
import { segmentSentences } from "../segment-sentences.js";

// Kinds of sentence that are never a reason, whoever wrote them.
const NOT_A_REASON: Readonly<Record<string, string>> = {
  teaser: "a teaser",
  "call-to-action": "a call to action",
  question: "a question",
  anecdote: "a personal anecdote",
  boilerplate: "boilerplate",
};

/**
 * Why a model's "Why it matters" is no reason (issue 15, point 4), or undefined when it may be
 * one: advice to the reader, a definition, a teaser, a call to action, a question, a personal
 * anecdote, or background and the problem statement with no outcome, lesson or launch after it
 * ("Scaling ML models often leads to exponential costs. This approach shows how…" passes).
 * English rules: other languages are not judged. An empty why is an honest blank, not a defect.
 */
export function findWhyDefect(why: string, isEnglish: boolean): string | undefined {
  const text = why.trim();
  if (text === "" || !isEnglish) return undefined;
  for (const sentence of segmentSentences(text)) {
    const role = whyRole(sentence);
    if (role === "advice") return "it gives the reader advice, not a reason";
    if (role === "definition") return "it defines a term instead of giving a reason";
    const kind = NOT_A_REASON[classifySentence(sentence)];
    if (kind !== undefined) return `it is ${kind}, not a reason`;
  }
  const statesReason =
    scoreOutcome(text) > 0 || statesLesson(text) || statesLaunch(text) || statesBenefit(text);
  if (isSetup(text) && !statesReason) return "it is background or a problem statement, no result";
  return undefined;
}
