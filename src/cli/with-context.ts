import { type Context, openContext } from "../pipeline/context.js";

export interface GlobalOptions {
  config?: string;
}

/** Opens the context for one command, runs it, and always closes the store. */
export async function withContext<T>(
  options: GlobalOptions,
  body: (ctx: Context) => Promise<T>,
): Promise<T> {
  const ctx = await openContext({ configPath: options.config });
  try {
    return await body(ctx);
  } finally {
    await ctx.close();
  }
}
