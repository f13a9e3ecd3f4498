/** Names as a sentence says them: "a", "a or b", "a, b or c". */
export function orList(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} or ${names.at(-1) as string}`;
}
