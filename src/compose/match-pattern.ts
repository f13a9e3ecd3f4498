/** A compiled filter pattern: true when the text contains the keyword or matches the regex. */
export type TextMatcher = (text: string) => boolean;

/**
 * Compiles a filter pattern: `/…/flags` is a regular expression (validated at config load);
 * anything else is a keyword matched case-insensitively as a substring.
 */
export function compilePattern(pattern: string): TextMatcher {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (regex) {
    // A global or sticky flag would make test() stateful between articles.
    const expression = new RegExp(regex[1] as string, (regex[2] ?? "").replace(/[gy]/g, ""));
    return (text) => expression.test(text);
  }
  const keyword = pattern.toLowerCase();
  return (text) => text.toLowerCase().includes(keyword);
}
