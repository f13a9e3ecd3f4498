import { spawnSync } from "node:child_process";
import path from "node:path";
import { bundleCli } from "../scripts/bundle-cli.js";

// The CLI tests run the built CLI (dist/), as users do: build it once, fresh, before they start —
// tsc, then the bundle that `npm run build` makes of it (scripts/bundle-cli.ts).
// Type errors do not stop the build (tsc still emits); `npm test` reports them in its typecheck.
export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0)
    console.warn(`test setup: tsc reported errors; dist/ was built anyway\n${result.stdout}`);
  await bundleCli();
}
