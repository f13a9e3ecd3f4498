/** Words per minute of an adult reading technical prose on a screen. */
const WORDS_PER_MINUTE = 230;

/** Reading time in whole minutes: at least one, and 0 when there is no text (a title-only item). */
export function countReadMinutes(text: string): number {
  const words = countWords(text);
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * Runs of non-white-space (as `/\S+/g` finds them), counted without making a string of each:
 * a book-length article is counted whole (the summarizer reads only its head; see cap-input).
 */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

// JavaScript's \s: ASCII white space, NBSP, the Unicode space separators, line and paragraph
// separators, and the byte-order mark.
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
