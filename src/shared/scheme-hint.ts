/**
 * ` (it starts with "mysql:")`, or nothing: all an error may show of a value that should have
 * been a URL with a password in it (GAZETTE_TRANSPORT, DATABASE_URL), misspelt or mistyped.
 */
export function schemeHint(value: string): string {
  const scheme = /^[a-z][a-z0-9+.-]{0,15}:/i.exec(value)?.[0];
  return scheme ? ` (it starts with "${scheme}")` : "";
}
