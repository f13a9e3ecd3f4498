import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import { GazetteError } from "../../shared/errors.js";
import { explainListenError } from "../listen-error.js";
import { type GlobalOptions, withContext } from "../with-context.js";

interface PreviewFlags {
  list?: string;
  issue?: string;
  fixture?: string;
  port: string;
  screenshot?: string;
  width: string;
  dark?: boolean;
  allowedHost: string[];
}

/** gazette preview: the next issue (or a past one, or a fixture) in the browser, live reloaded. */
export function registerPreview(preview: Command): void {
  preview
    .option("--list <id>", "the list shown first (default: the first list)")
    .option("--issue <n>", "show issue N instead of the next one")
    .option(
      "--fixture <file.json>",
      "show a saved issue model (JSON) instead of the store's issues",
    )
    .option("--port <n>", "port on 127.0.0.1 (0 picks a free one)", "4000")
    .option("--screenshot <out.png>", "write a PNG of the email through Chromium and exit")
    .option("--width <px>", "screenshot width: 600 (desktop) or 375 (mobile)", "600")
    .option("--dark", "screenshot in the dark color scheme")
    .option(
      "--allowed-host <name[:port]>",
      "also answer to this host name (an SSH tunnel, a proxy); repeatable",
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .action(async (flags: PreviewFlags, command: Command) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new GazetteError("USAGE", `--port: "${flags.port}" is not a port number`);
      const width = Number(flags.width);
      if (width !== 600 && width !== 375)
        throw new GazetteError("USAGE", `--width: "${flags.width}" must be 600 or 375`);
      const issue = flags.issue === undefined ? undefined : Number(flags.issue);
      if (issue !== undefined && (!Number.isInteger(issue) || issue < 1))
        throw new GazetteError("USAGE", `--issue takes an issue number, not "${flags.issue}"`);
      const { readFixture } = await import("../../server/index.js");
      const fixture = flags.fixture ? await readFixture(flags.fixture) : undefined;
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, flags.list ?? ctx.config.lists[0]?.id);
        const { openTransport } = await import("../../pipeline/send-stage.js");
        const { startServer } = await import("../../server/index.js");
        const { createPreviewServer, watchPreview } = await import("../../server/index.js");
        const transport = await openTransport(ctx);
        const isScreenshot = flags.screenshot !== undefined;
        const live = isScreenshot
          ? undefined
          : watchPreview(ctx, (message) => console.error(`gazette preview: ${message}`));
        const app = createPreviewServer({
          ctx,
          transport,
          fixture,
          live,
          allowedHosts: flags.allowedHost,
          defaults: { list: list.id, issue },
        });
        // Local only: the preview shows drafts and every subscriber's personal links.
        // The watcher and the transport are closed also when the server cannot start: left
        // open, they would keep the process running after its error.
        const listenPort = isScreenshot ? 0 : port;
        let server: Awaited<ReturnType<typeof startServer>> | undefined;
        try {
          server = await startServer(app, { port: listenPort, host: "127.0.0.1" }).catch(
            (error) => {
              throw explainListenError(error, "127.0.0.1", listenPort);
            },
          );
          if (flags.screenshot) {
            const { selectionQuery } = await import("../../server/index.js");
            const { takeScreenshot } = await import("../../server/index.js");
            const query = selectionQuery({
              list: list.id,
              issue: issue ?? "next",
              reader: "sample",
              device: width,
              scheme: flags.dark ? "dark" : "light",
              view: "html",
              // Chromium fetches none itself: takeScreenshot fetches them past the address guard.
              images: "shown",
            });
            const png = await takeScreenshot({
              url: `${server.url}/preview/frame?${query}`,
              width,
              isDark: flags.dark === true,
              executablePath: process.env.GAZETTE_CHROMIUM || undefined,
              remote: ctx.config.collect,
            });
            await writeFile(flags.screenshot, png);
            console.log(
              `Wrote ${path.resolve(flags.screenshot)} (${width} px, ${flags.dark ? "dark" : "light"})`,
            );
            return;
          }
          console.log(`Previewing ${ctx.config.newsletter.name} on ${server.url}/preview`);
          console.log("  live reload: templates, config and edits; Ctrl+C stops");
          const signal = await new Promise<string>((resolve) => {
            process.once("SIGINT", () => resolve("SIGINT"));
            process.once("SIGTERM", () => resolve("SIGTERM"));
          });
          console.log(`${signal}: stopping`);
        } finally {
          live?.close();
          await server?.close();
          await transport.close();
        }
      });
    });
}
