import { classifySentence } from "./classify-sentence.js";
import { standAlone } from "./stand-alone.js";

// "It's about more than Grad Student pain relief though: by crowdsourcing mechanical tasks such as
// annotation, students are free to focus on data collection and analysis." leans on the sentence
// before for its opening; what follows the colon is a statement of its own, and says it.

// Shorter than this after the colon and it is a label or a list item, not a statement.
const MIN_STATEMENT = 40;

/**
 * The statement after the colon of a sentence whose opening cannot stand alone, as a sentence
 * ("By crowdsourcing…, students are free to…"); undefined when there is none, or it leans on
 * something in turn.
 */
export function colonStatement(sentence: string): string | undefined {
  const at = sentence.indexOf(": ");
  if (at < 0) return undefined;
  const clause = sentence.slice(at + 2).trim();
  if (clause.length < MIN_STATEMENT || !/[.!]$/.test(clause)) return undefined;
  const opening = standAlone(clause.charAt(0).toUpperCase() + clause.slice(1));
  if (typeof opening === "string" || classifySentence(opening.text) !== "content") return undefined;
  return opening.text;
}
