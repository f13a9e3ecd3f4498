// C0 controls but TAB, LF and CR; DEL; C1 controls; the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069); the noncharacters U+FFFE and U+FFFF. None of them is
// text: NUL is refused by PostgreSQL and by every mail header, most are not allowed in XML 1.0,
// ESC or CSI (U+009B) start a terminal's escape sequences, and an unclosed override (RLO)
// reverses whatever follows it on the line (a subject's "+ 3 more"). The marks LRM and RLM stay.
const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
// The same with TAB, LF and CR: what one line of text (a title, a name, a header) may not hold.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/** Text without control characters (TAB, LF and CR kept): what the store and XML may hold. */
export function dropControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/** One line of text: control characters dropped, TAB, LF and CR turned into spaces. */
export function dropLineControls(text: string): string {
  return text.replace(/[\t\n\r]/g, " ").replace(LINE_CONTROLS, "");
}

/** True when the text holds a control character dropControls would drop. */
export function hasControls(text: string): boolean {
  return dropControls(text) !== text;
}
