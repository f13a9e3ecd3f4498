import { join, resolve } from "node:path";

/** The outbox's folder: `dir` (relative to the config file's folder), else `outbox/` in the data directory. */
export function outboxDir(
  config: { dir?: string | undefined },
  where: { baseDir: string; dataDir: string },
): string {
  return resolve(where.baseDir, config.dir ?? join(where.dataDir, "outbox"));
}
