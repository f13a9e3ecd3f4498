/** A config address (a string, or {name, address}) as one header value. */
export function formatAddress(value: string | { name?: string; address: string }): string {
  if (typeof value === "string") return value;
  if (!value.name) return value.address;
  // Quote the display name so commas and the like stay inside it.
  return `"${value.name.replace(/["\\]/g, "\\$&")}" <${value.address}>`;
}
