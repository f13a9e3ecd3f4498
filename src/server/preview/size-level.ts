/** Gmail clips a message whose HTML passes 102 KB ("[Message clipped]"). */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Past this, an issue is close enough to the clip to warn the editor. */
export const SIZE_WARN_BYTES = 90 * 1024;

/** How the size meter shows an email of `bytes` of HTML. */
export function sizeLevel(bytes: number): "ok" | "warn" | "over" {
  if (bytes > GMAIL_CLIP_BYTES) return "over";
  return bytes > SIZE_WARN_BYTES ? "warn" : "ok";
}
