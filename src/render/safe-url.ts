/**
 * The URL as given when it is an absolute http(s) URL, else undefined. Feed links are data:
 * `javascript:`, `data:`, relative or malformed URLs never become a link or an image.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url) || hasControlOrSpace(url)) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === "http:" || protocol === "https:") && hostname !== "" ? url : undefined;
  } catch {
    return undefined;
  }
}

// Browsers drop tabs and line breaks inside a URL, so "java\tscript:" tricks start there.
function hasControlOrSpace(url: string): boolean {
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}
