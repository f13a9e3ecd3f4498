// "$page.RenderString finally supports shortcodes, and shortcode improvements is the main theme in
// Hugo 0.100.0.": the release's theme, said last, is what the notes are about; said first, it
// reads as their summary, with the change that opens the sentence as its example (English).

const THEME =
  /^(.{10,}?),? and (.{3,60}?) (?:is|are) the (main|major|overall|big|central) (theme|focus) (in|of|for) (.{3,40}?)[.!]$/i;

/**
 * The sentence with the theme it names put first ("The main theme in Hugo 0.100.0 is shortcode
 * improvements: $page.RenderString finally supports shortcodes."); undefined when it names none.
 */
export function nameTheme(sentence: string): string | undefined {
  const [, change, theme, adjective, noun, preposition, subject] = THEME.exec(sentence) ?? [];
  if (!change || !theme || !adjective || !noun || !preposition || !subject) return undefined;
  // "The importer now resumes…" goes on after the colon as "the importer…"; a name keeps its capital.
  const example = ARTICLE.test(change) ? change.charAt(0).toLowerCase() + change.slice(1) : change;
  return `The ${adjective.toLowerCase()} ${noun.toLowerCase()} ${preposition} ${subject} is ${theme}: ${example}.`;
}

const ARTICLE = /^(?:The|A|An|This|That|These|Those|It|Its)\b/;
