import type { Context } from "../pipeline/context.js";

export interface GlobalOptions {
  config?: string;
}

/** Opens the context for one command, runs it, and always closes the store. */
export async function withContext<T>(
  options: GlobalOptions,
  body: (ctx: Context) => Promise<T>,
): Promise<T> {
  // Loaded here, not at start: `gazette --help` never needs the config, the store or zod.
  const { openContext } = await import("../pipeline/context.js");
  const ctx = await openContext({ configPath: options.config });
  try {
    if (ctx.store.created) console.error(`Created a new database at ${ctx.store.created}.`);
    // What a migration did to the operator's data (e.g. subscribers merged) is said once.
    for (const notice of await ctx.store.runs.takeNotices()) console.error(notice);
    for (const warning of ctx.loaded.warnings) console.error(warning);
    return await body(ctx);
  } finally {
    await ctx.close();
  }
}
