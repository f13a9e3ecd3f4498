/** The text of an xml2js value: a plain string, or the text of an element that has attributes. */
export function xmlText(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && "_" in value) return xmlText(value._);
  if (typeof value !== "string") return undefined;
  return value.trim() || undefined;
}

/** An attribute of an xml2js element value (`{ $: { url: "…" } }`), trimmed. */
export function xmlAttribute(value: unknown, name: string): string | undefined {
  if (typeof value !== "object" || value === null || !("$" in value)) return undefined;
  const attributes = value.$ as Record<string, unknown> | undefined;
  return xmlText(attributes?.[name]);
}
