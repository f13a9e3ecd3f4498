import path from "node:path";
import type { Command } from "commander";
import type { Context as HonoContext } from "hono";
import { GazetteError } from "../../shared/errors.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the unsubscribe, preferences and signup pages and the archive")
    .option("--port <n>", "port to listen on", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--trust-proxy", "take the client address from X-Forwarded-For (behind a proxy)")
    .action(
      async (options: { port: string; host: string; trustProxy?: boolean }, command: Command) => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new GazetteError("USAGE", `--port: "${options.port}" is not a port number`);
        await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
          const { openTransport } = await import("../../pipeline/send-stage.js");
          const { createApp, startServer } = await import("../../server/index.js");
          // The pages only read the lists: the context created any new one when it opened.
          const transport = await openTransport(ctx);
          const app = createApp({
            store: ctx.store,
            config: ctx.config,
            signingKeys: ctx.signingKeys,
            clock: ctx.clock,
            transport,
            archiveDir: path.join(ctx.loaded.dataDir, "archive"),
            ...(options.trustProxy ? { clientIp: forwardedFor } : {}),
          });
          const server = await startServer(app, { port, host: options.host });
          console.log(`Serving ${ctx.config.newsletter.name} on ${server.url}`);
          console.log(`  public base URL: ${ctx.config.newsletter.baseUrl}`);
          const signal = await new Promise<string>((resolve) => {
            process.once("SIGINT", () => resolve("SIGINT"));
            process.once("SIGTERM", () => resolve("SIGTERM"));
          });
          console.log(`${signal}: stopping`);
          await server.close();
          await transport.close();
        });
      },
    );
}

/** The address the nearest proxy saw: the last X-Forwarded-For entry (earlier ones are spoofable). */
function forwardedFor(c: HonoContext): string {
  const header = c.req.header("x-forwarded-for") ?? "";
  return header.split(",").at(-1)?.trim() || "unknown";
}
