/** Words per minute of an adult reading technical prose on a screen. */
const WORDS_PER_MINUTE = 230;

/** Reading time in whole minutes, never less than one. */
export function countReadMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
