/** Words per minute of an adult reading technical prose on a screen. */
const WORDS_PER_MINUTE = 230;

/** Reading time in whole minutes: at least one, and 0 when there is no text (a title-only item). */
export function countReadMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
