/** "1 article", "2 articles": a count with its noun; `many` for a plural that is not noun + s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
