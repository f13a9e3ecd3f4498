import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY_LIBRARIES, LIGHT_ENTRIES } from "../helpers/heavy-libraries.js";

// The shape of src/: one folder per stage, each with a face (index.ts) that Biome's
// noRestrictedImports makes the only way in from outside (biome.json), and no import cycle.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");
// Not stages: the CLI and the pipeline are the adapters on top, shared/ the toolbox below.
const NOT_STAGES = new Set(["cli", "pipeline", "shared"]);

// Faces that still load a heavy library with their static imports (issue 17 §6): their leaf
// entries in biome.json stay until the library is loaded behind a dynamic import.
const EAGER_FACES = new Set(["enrich", "render", "server"]);

// Runtime imports: static ones and import(); `import type` and `export type` are erased.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function runtimeImports(file: string, options: { staticOnly?: boolean } = {}): string[] {
  const imports: string[] = [];
  for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const [, typeOnly, specifier, dynamic] = match;
    if (typeOnly || (options.staticOnly && dynamic)) continue;
    const target = path.resolve(path.dirname(file), (specifier ?? dynamic) as string);
    imports.push(target.replace(/\.js$/, ".ts"));
  }
  return imports;
}

/** The packages a file's static runtime imports name (not import(), not `import type`). */
function staticPackages(file: string): string[] {
  const packages: string[] = [];
  for (const match of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
    const [, typeOnly, specifier] = match as unknown as [string, string | undefined, string];
    if (!typeOnly && !specifier.startsWith(".") && !specifier.startsWith("node:")) {
      packages.push(specifier);
    }
  }
  return packages;
}

const STATIC_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/g;

/** The heavy libraries that importing `entry` loads, each with the file that imports it. */
function heavyLoadedBy(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticPackages(file)) {
      const isHeavy = HEAVY_LIBRARIES.some(
        (name) => specifier === name || specifier.startsWith(`${name}/`),
      );
      if (isHeavy && !LIGHT_ENTRIES.some((entry) => entry.specifier === specifier)) {
        found.push(`${specifier} ← ${path.relative(SRC, file)}`);
      }
    }
    for (const target of runtimeImports(file, { staticOnly: true })) visit(target);
  };
  visit(entry);
  return found;
}

/** Each cycle of the graph as the list of its files (Tarjan's strongly connected components). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    order.set(node, order.size);
    low.set(node, order.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
      }
    }
    if (low.get(node) !== order.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return cycles;
}

describe("the stage folders", () => {
  const stages = readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_STAGES.has(entry.name))
    .map((entry) => entry.name);

  it("each has a face, index.ts, that Biome makes the only way in from the rest of src/", () => {
    const biome = readFileSync(path.join(ROOT, "biome.json"), "utf8");
    const guarded = stages.filter(
      (stage) =>
        biome.includes(`"**/${stage}/**"`) &&
        biome.includes(`"!**/${stage}/index.js"`) &&
        readdirSync(path.join(SRC, stage)).includes("index.ts"),
    );
    expect(stages.length).toBeGreaterThanOrEqual(13);
    expect(guarded).toEqual(stages);
  });

  // A face is what any caller may import, the CLI's start path and the layers below included:
  // the heavy work sits behind a dynamic import inside the functions that need it.
  it("each face loads no heavy library with its static imports", () => {
    const eager = stages
      .filter((stage) => !EAGER_FACES.has(stage))
      .flatMap((stage) => heavyLoadedBy(path.join(SRC, stage, "index.ts")));
    expect(eager).toEqual([]);
  });

  it("find a face that loads a heavy library eagerly (the check itself)", () => {
    expect(heavyLoadedBy(path.join(SRC, "render", "index.ts"))).toContain(
      "handlebars ← render/load-templates.ts",
    );
  });

  it("import each other without a cycle (type-only imports aside)", () => {
    const graph = new Map(sourceFiles(SRC).map((file) => [file, runtimeImports(file)]));
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((file) => path.relative(SRC, file)));
    expect(cycles).toEqual([]);
  });

  it("find a cycle when there is one (the check itself)", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cyclesOf(graph)).toEqual([["a", "b", "c"]]);
  });
});
