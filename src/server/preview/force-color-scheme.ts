const SCHEME_QUERY = /\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi;
// Media features that always and never match, so `screen and (…)` stays a valid query.
const ALWAYS = "(min-width: 0px)";
const NEVER = "(max-width: -1px)";

/**
 * The email HTML as a client in `scheme` shows it. Chromium does not pass an iframe's
 * `color-scheme` on to `prefers-color-scheme` inside the frame, so the preview rewrites the
 * theme's media queries instead, and tells the UA which scheme to use for its own colours.
 */
export function forceColorScheme(html: string, scheme: "light" | "dark"): string {
  const rewritten = html.replace(SCHEME_QUERY, (_match, wanted: string) =>
    wanted.toLowerCase() === scheme ? ALWAYS : NEVER,
  );
  const meta = `<meta name="color-scheme" content="${scheme}">`;
  return /<head[^>]*>/i.test(rewritten)
    ? rewritten.replace(/<head[^>]*>/i, (head) => `${head}${meta}`)
    : `${meta}${rewritten}`;
}
