/** JSON columns hold string arrays; a damaged value reads as empty rather than failing a run. */
export function readStringArray(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === "string")
      : [];
  } catch {
    return [];
  }
}

/** The `sources` column: JSON {summary: string[], why: string[]}; damaged or absent reads as null. */
export function readSources(
  value: string | null | undefined,
): { summary: string[]; why: string[] } | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { summary?: unknown; why?: unknown };
    const strings = (item: unknown) =>
      Array.isArray(item) ? item.filter((s): s is string => typeof s === "string") : [];
    return { summary: strings(parsed.summary), why: strings(parsed.why) };
  } catch {
    return null;
  }
}
