import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "..");
// In this checkout's dist/: node_modules may be shared by several checkouts (git worktrees),
// whose bench runs would then overwrite each other's compiled scripts.
const OUT_DIR = path.join(ROOT, "dist/bench");

/** `npm run build`: dist/ from src/, for processes and workers that run the compiled code. */
export function buildDist(): void {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}`);
}

/**
 * Makes a bench script runnable by plain `node`, as `gazette` itself runs: builds dist/ from src/,
 * then compiles the script alone with its imports of ../src/ pointed at dist/. A measured process
 * so carries neither tsx's loader thread (≈ 50 MiB) nor a second compile of the sources. Returns
 * the path of the compiled script; the bench's type check is `npm run typecheck`.
 */
export function compileBenchProcess(script: string): string {
  buildDist();
  const source = readFileSync(script, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: script,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  const dist = `${pathToFileURL(path.join(ROOT, "dist")).href}/`;
  const js = outputText.replaceAll(/(["'])\.\.\/src\//g, `$1${dist}`);
  mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `${path.basename(script, ".ts")}.js`);
  writeFileSync(out, js);
  return out;
}
