// The audit's English-only detectors (openers, pronouns, background cues) would misread other
// languages, so they run only on articles whose text reads as English.
const FUNCTION_WORDS = new Set(
  "the of and to in is that for it with as was on be are by this at from or an have not but they which you we their has were can will more been one all if so what its there about when our would".split(
    " ",
  ),
);

/** Whether at least a sixth of the text's first 400 words are common English function words. */
export function looksEnglish(text: string): boolean {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 400);
  if (words.length < 20) return true;
  const common = words.filter((word) => FUNCTION_WORDS.has(word)).length;
  return common / words.length >= 1 / 6;
}
