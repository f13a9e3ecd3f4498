/**
 * Finds the template lines that can have produced a line of the rendered MJML: the same text,
 * with each `{{…}}` of the source standing for any text. Returns `file:line` for each match.
 */
export function locateRenderedLine(rendered: string, sources: Map<string, string>): string[] {
  const target = rendered.trim();
  if (target === "") return [];
  const found: string[] = [];
  for (const [file, source] of sources) {
    source.split("\n").forEach((line, index) => {
      if (matches(line.trim(), target)) found.push(`${file}:${index + 1}`);
    });
  }
  return found;
}

function matches(sourceLine: string, target: string): boolean {
  if (sourceLine === target) return true;
  if (!sourceLine.includes("{{")) return false;
  const literals = sourceLine.split(/\{\{[\s\S]*?\}\}/);
  // A line that is all expression (`{{> article}}`, `{{/each}}`) would match anything.
  if (literals.join("").trim().length < 3) return false;
  const pattern = literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${pattern.join("[\\s\\S]*?")}$`).test(target);
}
