import path from "node:path";
import { Hono } from "hono";
import { loadConfig } from "../../config/index.js";
import type { Context } from "../../pipeline/context.js";
import { themeDirOf } from "../../pipeline/render-segments.js";
import { describeError } from "../../shared/errors.js";
import { changeSignature } from "../../store/index.js";
import { createApp } from "../create-app.js";
import { createPreviewApp } from "./create-preview-app.js";
import { createLiveReload, type LiveReload } from "./live-reload.js";
import { localOnly } from "./local-only.js";
import type { PreviewOptions } from "./preview-deps.js";

/**
 * The app `gazette preview` serves: the preview under /preview, and everything else answered by
 * the same app as `gazette serve`, so the archive and the unsubscribe and preferences pages open
 * from the preview too. The preview routes come first: the public app's headers forbid framing.
 * Every route answers only its own host names and takes POSTs only from its own pages.
 */
export function createPreviewServer(options: PreviewOptions): Hono {
  const { ctx } = options;
  const site = createApp({
    store: ctx.store,
    config: ctx.config,
    signingKeys: ctx.signingKeys,
    clock: ctx.clock,
    transport: options.transport,
    archiveDir: path.join(ctx.loaded.dataDir, "archive"),
  });
  const app = new Hono();
  app.use(localOnly(options.allowedHosts));
  app.route("/preview", createPreviewApp(options));
  app.all("*", (c) => site.fetch(c.req.raw, c.env));
  return app;
}

/**
 * Live reload for a preview of `ctx`: the themes of every list and the config file are watched,
 * the store is polled for editors' changes made elsewhere (the CLI, another tab). On each change
 * the config is read again (before the pages are told), so an edit of gazette.yaml shows too;
 * a config that does not load is reported and the last good one kept.
 */
export function watchPreview(ctx: Context, onProblem: (message: string) => void): LiveReload {
  const themes = ctx.config.lists.map((list) => themeDirOf(ctx, list));
  const live = createLiveReload({
    paths: [...new Set([...themes, ctx.loaded.file])],
    signature: () => changeSignature(ctx.store.db),
  });
  live.subscribe(() => {
    try {
      const loaded = loadConfig({ path: ctx.loaded.file });
      ctx.loaded = loaded;
      ctx.config = loaded.config;
    } catch (error) {
      onProblem(describeError(error));
    }
  });
  return live;
}
