// A bare version: "v0.96.0", "1.2", "2.0.0-beta.1", "v3.1.4+build.7" (semver-like, a leading v).
const BARE_VERSION = /^v?\d+(?:\.\d+){1,3}(?:-[0-9a-z][0-9a-z.-]*)?(?:\+[0-9a-z.-]+)?$/i;

/**
 * The title as the email shows it: a title that is only a version (GitHub's releases feeds call
 * an item "v0.96.0") says whose, prefixed with the feed's name ("Hugo v0.96.0"); any other title
 * is shown as the feed gave it. The stored title does not change.
 */
export function displayTitle(title: string, source: string): string {
  return BARE_VERSION.test(title) && source !== "" ? `${source} ${title}` : title;
}
