// "We decided to remove this stumbling block by developing a new authoring specification called
// TTAL." leans on the sentence before for "this stumbling block"; what was done is in its "by"
// clause, which stands alone: "We developed a new authoring specification called TTAL."

// "We <verb> this/that <up to four words> by <verb>ing…", past an intention ("decided to").
const MEANS =
  /^(We|I) (?:(?:decided|chose|opted|set out|wanted|sought|tried|aimed|worked|managed|were able|was able) to )?\p{Ll}+ (?:this|that|these|those|such)(?: [^\s,]+){0,4}? by (\p{Ll}{2,})ing (?=\p{L})/u;
// Past forms that are not the stem and "-ed", keyed by the stem before "-ing".
const IRREGULAR: Record<string, string> = {
  build: "built",
  rebuild: "rebuilt",
  writ: "wrote",
  rewrit: "rewrote",
  mak: "made",
  runn: "ran",
  tak: "took",
  choos: "chose",
  bring: "brought",
  putt: "put",
  cutt: "cut",
  sett: "set",
  splitt: "split",
  find: "found",
  giv: "gave",
  keep: "kept",
  send: "sent",
  spend: "spent",
  leav: "left",
  hold: "held",
  lead: "led",
  buy: "bought",
  teach: "taught",
  throw: "threw",
  draw: "drew",
};

/**
 * The "by" clause of a sentence that says what was done to something said before, as a sentence
 * of its own in the same person ("We developed a new…"); undefined for any other sentence.
 */
export function meansClause(sentence: string): string | undefined {
  const match = MEANS.exec(sentence);
  if (match === null) return undefined;
  const [whole, subject = "", stem = ""] = match;
  return `${subject} ${pastOf(stem)} ${sentence.slice(whole.length)}`;
}

// "develop" → "developed", "stopp" → "stopped", "creat" → "created", "apply" → "applied".
function pastOf(stem: string): string {
  const irregular = IRREGULAR[stem];
  if (irregular !== undefined) return irregular;
  return /[^aeiou]y$/.test(stem) ? `${stem.slice(0, -1)}ied` : `${stem}ed`;
}
