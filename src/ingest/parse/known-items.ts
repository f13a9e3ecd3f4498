import type { KnownItem } from "../types.js";

/**
 * The known items collect stored for a feed (feeds.item_fingerprints, JSON), read defensively:
 * an entry of another shape (an older format, a hand edit) is left out, so its item is parsed
 * and normalized again, which is always safe.
 */
export function readKnownItems(json: string | null | undefined): KnownItem[] {
  let stored: unknown;
  try {
    stored = JSON.parse(json ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  return stored.filter(isKnownItem);
}

function isKnownItem(value: unknown): value is KnownItem {
  if (typeof value !== "object" || value === null) return false;
  const { fingerprint, canonicalUrl, guid, publishedAt } = value as Record<string, unknown>;
  return (
    typeof fingerprint === "string" &&
    typeof canonicalUrl === "string" &&
    (guid === undefined || typeof guid === "string") &&
    (publishedAt === undefined || typeof publishedAt === "number")
  );
}
