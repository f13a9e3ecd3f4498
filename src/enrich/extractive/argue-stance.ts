// "It's important to remember that solutions make little sense without problems…": an essay's
// claim, its "it" a dummy for the clause after it (no pointer to a sentence before). Said as the
// publisher's or author's argument ("Thoughtbot argues that it's important…"), it names whose
// view it is, as a summary names who did the work. English only.

/**
 * A stance with a dummy "it": "it's important/essential/better/a good idea to…" or "…that…";
 * not "it is important to note that", whose frame only points at a fact, nor "It is a good tool".
 */
export const STANCE =
  /^it(?:['’]s| is| was| will be| would be| has been| becomes| remains)\s+(?:(?:also|often|always|usually|now|still|just|so|very|really|quite|especially|particularly|equally|absolutely|vitally|critically|extremely|not|never|no longer|rarely|sometimes)\s+){0,2}(?:important|essential|crucial|critical|vital|key|necessary|wise|unwise|better|best|a (?:good|bad|better) idea|a mistake)\s+(?:to (?!(?:note|mention|point out|say|add)\b)|that\b|for \p{L}+(?: \p{L}+)? to\b)/iu;

/** True when the sentence opens on a stance said with a dummy "it". */
export function isStance(text: string): boolean {
  return STANCE.test(text);
}

/** "It's important to…" → "<name> argues that it's important to…". */
export function argueStance(text: string, name: string): string {
  const subject = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return `${subject} argues that ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
