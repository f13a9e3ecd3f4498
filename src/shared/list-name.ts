/**
 * Whether a list is named as its newsletter is ("Engineering Weekly" of "Engineering Weekly"): a
 * one-list newsletter often is, and its emails then say the name once, not "X — X".
 */
export function isNamedAsNewsletter(listName: string, newsletterName: string): boolean {
  const plain = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return plain(listName) === plain(newsletterName);
}
