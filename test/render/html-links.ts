/** The links of an HTML document, href and visible text decoded, for structural assertions. */
export function linksOf(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => ({
    href: decodeEntities(match[1] ?? ""),
    text: decodeEntities((match[2] ?? "").replace(/<[^>]*>/g, "")).trim(),
  }));
}

/** The visible text of an HTML document, tags dropped and entities decoded. */
export function textOf(html: string): string {
  const body = html.replace(/<(style|head)[\s\S]*?<\/\1>/g, "").replace(/<[^>]*>/g, " ");
  return decodeEntities(body).replace(/\s+/g, " ");
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** How many times `needle` occurs in `haystack`. */
export function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
