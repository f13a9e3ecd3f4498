const DAY_MS = 24 * 60 * 60 * 1000;
// Nothing on an engineering blog predates the web feeds; earlier dates are placeholders (1970, 0001).
const EARLIEST = Date.UTC(1995, 0, 1);

/**
 * The first of `candidates` that is a plausible publication date: parseable, from 1995 on and
 * not more than a day after `now`. Undefined when none is.
 */
export function parseFeedDate(candidates: ReadonlyArray<unknown>, now: Date): Date | undefined {
  const latest = now.getTime() + DAY_MS;
  for (const candidate of candidates) {
    if (typeof candidate !== "string" || candidate.trim() === "") continue;
    const time = parseDateTime(candidate.trim());
    if (time !== undefined && time >= EARLIEST && time <= latest) return new Date(time);
  }
  return undefined;
}

/** Milliseconds since the epoch of an RFC 822 or ISO 8601 date; a missing zone means UTC. */
function parseDateTime(text: string): number | undefined {
  const time = Date.parse(assumeUtc(text));
  return Number.isNaN(time) ? undefined : time;
}

// Date.parse reads a zone-less date-time in the machine's local zone: pin it to UTC instead, so
// the result does not depend on where Gazette runs.
function assumeUtc(text: string): string {
  const iso = text.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/);
  if (iso) return `${iso[1]}T${iso[2]}Z`;
  const rfc822 = text.match(
    /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}(\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  );
  if (rfc822) return rfc822[1] ? `${text} GMT` : `${text} 00:00:00 GMT`;
  return text;
}
