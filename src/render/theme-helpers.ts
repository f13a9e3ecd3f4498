import type { HelperOptions } from "handlebars";

type Helper = (...args: unknown[]) => unknown;

/** The helpers every theme instance gets; none evaluates a string as code or template. */
export const themeHelpers: Record<string, Helper> = {
  formatDate: (value, options) => {
    const date = toDate(value);
    return date ? dayFormat(localeOf(options)).format(date) : "";
  },
  dateRange: (start, end, options) => {
    const from = toDate(start);
    const to = toDate(end);
    return from && to ? formatDateRange(from, to, localeOf(options)) : "";
  },
  truncate: (value, length) =>
    truncate(String(value ?? ""), typeof length === "number" ? length : 90),
  plural: (count, singular, plural) =>
    `${Number(count)} ${Number(count) === 1 ? String(singular) : String(plural)}`,
  wrap: (value, width) => wrapText(String(value ?? ""), typeof width === "number" ? width : 72),
  // A list item: wrapped to `width`, its later lines indented under its first word.
  wrapItem: (marker, value, width) => {
    const prefix = `${String(marker)} `;
    const lines = wrapText(
      String(value ?? ""),
      (typeof width === "number" ? width : 72) - prefix.length,
    );
    return prefix + lines.split("\n").join(`\n${" ".repeat(prefix.length)}`);
  },
  readTime: (minutes) => (Number(minutes) > 0 ? `${Number(minutes)} min read` : ""),
  // The values that are not empty, between separators: a line of facts where any may be missing.
  join: (separator, ...rest) =>
    rest
      .slice(0, -1)
      .filter((value) => value !== undefined && value !== null && String(value) !== "")
      .join(String(separator)),
};

/**
 * "Nov 9 – Nov 22, 2026": the year once when both dates share it, in the locale's order; one
 * date alone ("Dec 6, 2026") when the period starts and ends on the same day.
 */
export function formatDateRange(start: Date, end: Date, locale: string): string {
  if (start.toISOString().slice(0, 10) === end.toISOString().slice(0, 10))
    return dayFormat(locale).format(end);
  const isSameYear = start.getUTCFullYear() === end.getUTCFullYear();
  return `${dayFormat(locale, !isSameYear).format(start)} – ${dayFormat(locale).format(end)}`;
}

// Dates are shown in UTC so that an issue reads the same wherever it is rendered.
function dayFormat(locale: string, hasYear = true): Intl.DateTimeFormat {
  const options = {
    month: "short",
    day: "numeric",
    year: hasYear ? "numeric" : undefined,
    timeZone: "UTC",
  } as const;
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat("en-US", options);
  }
}

function localeOf(options: unknown): string {
  const root = (options as HelperOptions | undefined)?.data?.root;
  const language: unknown = root?.newsletter?.language;
  return typeof language === "string" && language !== "" ? language : "en-US";
}

function toDate(value: unknown): Date | undefined {
  if (!(value instanceof Date || typeof value === "string" || typeof value === "number")) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

// Plain-text mail reads best wrapped near 72 columns; long words (URLs) are never broken.
function wrapText(text: string, width: number): string {
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[] = [];
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line !== "" && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line === "" ? word : `${line} ${word}`;
        }
      }
      lines.push(line);
      return lines.join("\n");
    })
    .join("\n");
}
