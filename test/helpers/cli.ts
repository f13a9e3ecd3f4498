import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/**
 * The CLI as users run it: bin/gazette.js, which runs the bundle that test/global-setup.ts builds
 * before the tests start.
 */
export const CLI_ENTRY = path.join(ROOT, "bin/gazette.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `gazette` CLI in a child process, with the GAZETTE_* variables cleared. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<CliResult> {
  return runNode([CLI_ENTRY, ...args], {
    cwd: options.cwd,
    nodeArgs: options.nodeArgs,
    env: { GAZETTE_CONFIG: "", GAZETTE_DATA_DIR: "", GAZETTE_TRANSPORT: "", ...options.env },
  });
}

/** Runs `node ...args` (e.g. `--import tsx scripts/x.ts`) and collects what it printed. */
export function runNode(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** stderr without the line a command prints when it created the database (its first run). */
export function withoutCreatedNotice(stderr: string): string {
  return stderr.replace(/^Created a new database at .*\n/m, "");
}
