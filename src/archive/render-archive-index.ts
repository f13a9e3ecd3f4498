import { escapeMarkup as e } from "../shared/escape-markup.js";
import { plural } from "../shared/plural.js";
import type { ArchiveEntry, ArchiveInfo } from "./types.js";

/**
 * The archive's index page: every sent issue, newest first. Links are relative, so the folder
 * works wherever it is hosted; light and dark colours keep a contrast of at least 4.5:1.
 */
export function renderArchiveIndex(info: ArchiveInfo, entries: ArchiveEntry[]): string {
  const title = `${info.newsletterName} · ${info.listName}: past issues`;
  const items = entries.map(
    (entry) =>
      `<li><a href="${entry.number}.html">${e(entry.subject || `Issue #${entry.number}`)}</a>` +
      `<br><span class="meta">Issue #${entry.number} · <time datetime="${entry.sentAt.toISOString()}">${e(dayOf(entry.sentAt, info.language))}</time> · ${plural(entry.articleTitles.length, "article")}</span></li>`,
  );
  return `<!doctype html>
<html lang="${e(info.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${e(title)}</title>
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="${e(info.listName)}">
<style>
body { margin: 0 auto; max-width: 600px; padding: 32px 16px; font: 16px/1.6 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328; background: #ffffff; }
a { color: #0a58ca; } .meta { font-size: 14px; color: #57606a; }
ul { padding: 0; list-style: none; } li { margin: 0 0 20px; }
@media (prefers-color-scheme: dark) { body { color: #e6e8eb; background: #1b1f24; } a { color: #8ab4ff; } .meta { color: #b1b9c3; } }
</style>
</head>
<body>
<h1>${e(info.newsletterName)}</h1>
<p>${e(info.listName)}: every issue so far. <a href="feed.xml">Atom feed</a></p>
<ul>
${items.join("\n")}
</ul>
</body>
</html>
`;
}

function dayOf(date: Date, language: string): string {
  const options = { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" } as const;
  try {
    return new Intl.DateTimeFormat(language, options).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", options).format(date);
  }
}
