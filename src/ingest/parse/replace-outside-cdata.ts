const CDATA_START = "<![CDATA[";
const CDATA_END = "]]>";

/**
 * The text with `replace` applied to each part outside CDATA sections, the sections kept as
 * written. A "<![CDATA[" never closed is no section. One scan: once no "]]>" follows, no later
 * section closes either (a split on a lazy pattern searched to the end from each of many
 * unclosed "<![CDATA[": 250 KB of them took 0.8 s, 1 MB over 15 s).
 */
export function replaceOutsideCdata(text: string, replace: (part: string) => string): string {
  let result = "";
  let copied = 0;
  for (let start = text.indexOf(CDATA_START); start !== -1; ) {
    const end = text.indexOf(CDATA_END, start + CDATA_START.length);
    if (end === -1) break;
    result += replace(text.slice(copied, start)) + text.slice(start, end + CDATA_END.length);
    copied = end + CDATA_END.length;
    start = text.indexOf(CDATA_START, copied);
  }
  return result + replace(text.slice(copied));
}
