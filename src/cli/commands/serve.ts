import path from "node:path";
import type { Command } from "commander";
import type { Context as HonoContext } from "hono";
import type { Context } from "../../pipeline/context.js";
import { GazetteError } from "../../shared/errors.js";
import { explainListenError } from "../listen-error.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerServe(serve: Command): void {
  serve
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
          const { describeTransport } = await import("../../deliver/index.js");
          const { createAfterAnswer, createApp, startServer } = await import(
            "../../server/index.js"
          );
          // The pages only read the lists: the context created any new one when it opened.
          const transport = await openTransport(ctx);
          const serviceEvents = await openServiceEvents(ctx);
          const afterAnswer = createAfterAnswer();
          const app = createApp({
            afterAnswer,
            store: ctx.store,
            config: ctx.config,
            signingKeys: ctx.signingKeys,
            clock: ctx.clock,
            transport,
            archiveDir: path.join(ctx.loaded.dataDir, "archive"),
            ...(options.trustProxy ? { clientIp: forwardedFor } : {}),
            ...(serviceEvents && { serviceEvents }),
          });
          const server = await startServer(app, { port, host: options.host }).catch((error) => {
            throw explainListenError(error, options.host, port);
          });
          console.log(`Serving ${ctx.config.newsletter.name} on ${server.url}`);
          console.log(`  public base URL: ${ctx.config.newsletter.baseUrl}`);
          // Confirmation and personal-link emails leave through the configured transport; an
          // operator trying the signup form should know whether they really go out.
          console.log(
            `  confirmation emails via: ${describeTransport(ctx.config.transport, ctx.loaded)}`,
          );
          if (serviceEvents?.services.length)
            console.log(
              `  email-service events: ${serviceEvents.services.map((s) => `/events/${s}`).join(", ")}`,
            );
          const webhooks = await startWebhookLoop(ctx);
          const signal = await new Promise<string>((resolve) => {
            process.once("SIGINT", () => resolve("SIGINT"));
            process.once("SIGTERM", () => resolve("SIGTERM"));
          });
          console.log(`${signal}: stopping`);
          await webhooks.stop();
          await server.close();
          // A signup's confirmation or a link email still on its way is sent before the transport closes.
          await afterAnswer.settled();
          await transport.close();
        });
      },
    );
}

/** The receiver of the email services' events configured under `serviceEvents:`, if any. */
async function openServiceEvents(ctx: Context) {
  const config = ctx.config.serviceEvents;
  if (!config) return undefined;
  const { createServiceEventReceiver, storeEffects } = await import("../../inbox/index.js");
  return createServiceEventReceiver({
    store: ctx.store,
    config,
    env: ctx.env,
    clock: ctx.clock,
    effects: storeEffects(ctx.store, { maxBounces: ctx.config.delivery.maxBounces }),
  });
}

/** While serving, the events out are posted every few seconds (one pass at a time). */
async function startWebhookLoop(ctx: Context): Promise<{ stop(): Promise<void> }> {
  if (ctx.config.webhooks.length === 0) return { stop: async () => {} };
  const { webhooksStage } = await import("../../pipeline/webhooks-stage.js");
  let pass: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    pass = pass
      .then(() => webhooksStage(ctx))
      .catch((error: unknown) => console.error(`gazette serve: webhooks: ${String(error)}`));
  }, WEBHOOK_INTERVAL_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await pass;
    },
  };
}

const WEBHOOK_INTERVAL_MS = 5_000;

/** The address the nearest proxy saw: the last X-Forwarded-For entry (earlier ones are spoofable). */
function forwardedFor(c: HonoContext): string {
  const header = c.req.header("x-forwarded-for") ?? "";
  return header.split(",").at(-1)?.trim() || "unknown";
}
