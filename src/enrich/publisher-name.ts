// How a summary names who published an article: "Netflix", not "Netflix TechBlog - Medium".

// Blog platforms: the site's own name is the subdomain ("aws.typepad.com"), not the host.
const PLATFORMS =
  /(?:^|\.)(?:typepad\.com|blogspot\.com|wordpress\.com|medium\.com|github\.io|substack\.com|ghost\.io|tumblr\.com|hashnode\.dev|netlify\.app|vercel\.app|gitlab\.io|dev\.to|github\.com)$/;
const GENERIC_SUBDOMAINS = /^(?:www|blog|blogs|engineering|eng|tech|news|dev|developers?|medium)$/;
const TRAILING =
  /\s+(?:(?:official|engineering|technology|tech|developers?|dev|news|corporate)\s+)?(?:blog|weblog|techblog|tech blog|newsroom|news|engineering|updates|insights|changelog|release notes|releases)$/i;
const LEADING =
  /^(?:the\s+|release notes (?:from|for|of)\s+|releases (?:from|of)\s+|(?:stories|posts|articles) (?:by|from)\s+|(?:the )?(?:blog|news) (?:of|from)\s+)/i;
const MEDIUM = /\s+(?:on|[-–—|]\s*)\s*Medium$/i;
const SEPARATOR = /\s+[-–—|:·•]\s+/;

/**
 * The publisher's name for a summary's subject, from the feed's display name (config name, else
 * its title): "Netflix TechBlog - Medium" → "Netflix", "AWS News Blog" → "AWS", "Release notes
 * from hugo" → "hugo", "Stories by Amelia Kusiak on Medium" → "Amelia Kusiak". A long title that
 * shares nothing with the site's host ("Giant Robots Smashing Into Other Giant Robots" on
 * robots.thoughtbot.com) gives way to the host's name ("thoughtbot"). "" when nothing but
 * generic words is left ("blog.example"). The name keeps its casing ("thoughtbot" is how the
 * brand writes itself); `spellAsWritten` takes the article's spelling where it has one.
 */
export function publisherName(displayName: string, url?: string): string {
  const host = hostName(url);
  // A feed known only by its host ("engineering.northwind.example"): the site's own label.
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(displayName.trim())) {
    const label = hostName(`https://${displayName.trim()}`);
    return label === undefined || GENERIC_SUBDOMAINS.test(label) ? "" : capitalize(label);
  }
  let name = displayName.replace(MEDIUM, "").trim();
  const parts = name.split(SEPARATOR).map((part) => strip(part));
  name = parts.find((part) => part !== "") ?? "";
  if (name === "") return host ?? displayName.trim();
  if (host !== undefined && name.split(/\s+/).length >= 4 && !sharesName(name, host)) return host;
  return name;
}

/**
 * The publisher's name as the article spells it past a sentence's first word ("hugo" → "Hugo"
 * when the release notes write "Hugo"), else as given: a brand's own casing ("thoughtbot") is
 * kept, and capitalised only where it opens a sentence.
 */
export function spellAsWritten(name: string, text: string): string {
  if (name === "" || name !== name.toLowerCase()) return name;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const midSentence = new RegExp(
    String.raw`(?<=[\p{L}\p{N},;)]\s+)${escaped}(?![\p{L}\p{N}])`,
    "giu",
  );
  const counts = new Map<string, number>();
  for (const [found] of text.matchAll(midSentence)) counts.set(found, (counts.get(found) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best === undefined ? name : best[0];
}

/** "thoughtbot went…" → "Thoughtbot went…": a name that opens a sentence is capitalised there. */
export function capitalizeNameAtStart(text: string, name: string): string {
  if (name === "" || name.charAt(0) === name.charAt(0).toUpperCase()) return text;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(
    new RegExp(String.raw`(^|[.!?]["”’)]*\s+)${escaped}(?![\p{L}\p{N}])`, "gu"),
    (_, before: string) => `${before}${capitalize(name)}`,
  );
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function strip(part: string): string {
  let name = part.trim().replace(LEADING, "");
  for (let previous = ""; previous !== name; ) {
    previous = name;
    name = name.replace(TRAILING, "").trim();
  }
  // "Blog" alone, or a name that was only generic words.
  return /^(?:blog|news|engineering|home)$/i.test(name) ? "" : name;
}

/** The site's own label in a URL's host: "robots.thoughtbot.com" → "thoughtbot". */
export function hostName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = host.split(".").filter((label) => label !== "");
  if (PLATFORMS.test(host)) {
    const own = labels.length > 2 ? labels[0] : undefined;
    return own !== undefined && !GENERIC_SUBDOMAINS.test(own) ? own : undefined;
  }
  // The label before the public suffix; "co.uk"-style suffixes have a short second-level label.
  const suffixLength = labels.length > 2 && (labels.at(-2) ?? "").length <= 3 ? 2 : 1;
  return labels.at(-1 - suffixLength);
}

function sharesName(name: string, host: string): boolean {
  const compact = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const initials = name
    .split(/\s+/)
    .map((word) => word.charAt(0).toLowerCase())
    .join("");
  const firstWord = (name.split(/\s+/)[0] ?? "").toLowerCase();
  return (
    compact.includes(host) ||
    host.includes(compact) ||
    host === initials ||
    (firstWord.length >= 3 && host.includes(firstWord))
  );
}
