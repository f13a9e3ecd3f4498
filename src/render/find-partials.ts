import Handlebars from "handlebars";

export interface PartialUse {
  name: string;
  line: number;
}

/** The partials a template calls by a literal name, and the inline partials it defines. */
export function findPartials(ast: hbs.AST.Program): { uses: PartialUse[]; inline: Set<string> } {
  const finder = new PartialFinder();
  finder.accept(ast);
  return { uses: finder.uses, inline: finder.inline };
}

// Partial blocks (`{{#> name}}…{{/name}}`) are not recorded: their body is the fallback.
class PartialFinder extends Handlebars.Visitor {
  readonly uses: PartialUse[] = [];
  readonly inline = new Set<string>();

  override PartialStatement(partial: hbs.AST.PartialStatement): void {
    this.record(partial.name, partial.loc);
    super.PartialStatement(partial);
  }

  override DecoratorBlock(decorator: hbs.AST.DecoratorBlock): void {
    const [first] = decorator.params;
    if (decorator.path.original === "inline" && first?.type === "StringLiteral") {
      this.inline.add((first as hbs.AST.StringLiteral).value);
    }
    super.DecoratorBlock(decorator);
  }

  private record(
    name: hbs.AST.PathExpression | hbs.AST.SubExpression,
    loc: hbs.AST.SourceLocation,
  ) {
    // Dynamic names (`{{> (lookup …)}}`) are only known at render time; Handlebars checks those.
    if (name.type !== "PathExpression" || name.original.startsWith("@")) return;
    this.uses.push({ name: name.original, line: loc.start.line });
  }
}
