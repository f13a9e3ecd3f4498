import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { html } from "hono/html";
import { streamSSE } from "hono/streaming";
import { describeError } from "../../shared/errors.js";
import { registerEditorRoutes } from "./editor-routes.js";
import { frameDocument, plainDocument } from "./frame-document.js";
import { createLiveReload } from "./live-reload.js";
import { loadPreview } from "./load-preview.js";
import { PREVIEW_CSS, PREVIEW_JS } from "./preview-assets.js";
import type { PreviewDeps, PreviewOptions } from "./preview-deps.js";
import { frameCsp, previewHeaders } from "./preview-headers.js";
import { previewPage } from "./preview-page.js";
import { parseSelection } from "./preview-selection.js";
import { isSignedNote, previewCsrf } from "./preview-session.js";

// What a redirect after an editor's action says on the page; codes, so a link cannot make it say more.
const NOTICES: Record<string, string> = {
  saved: "Article saved.",
  dropped: "Article dropped: it stays out of every issue not yet sent.",
  intro: "Intro saved.",
  reordered: "Order saved.",
  approved: "Draft approved.",
  composed: "Draft composed.",
  skipped: "Nothing to compose: no new article since the last issue.",
};

/**
 * The editor's preview, mounted at /preview: the toolbar page, the email frame (its own strict
 * CSP), the live-reload event stream, a test send and the editor's forms.
 */
export function createPreviewApp(options: PreviewOptions): Hono {
  const deps: PreviewDeps = {
    ...options,
    live: options.live ?? createLiveReload({ paths: [] }),
    renders: new Map(),
  };
  const { ctx } = deps;
  const app = new Hono();
  app.use(previewHeaders());
  app.use(bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.text("Payload too large", 413) }));
  app.get("/assets/preview.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(PREVIEW_JS);
  });
  app.get("/assets/preview.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    return c.body(PREVIEW_CSS);
  });

  app.get("/", async (c) => {
    const selection = parseSelection(c.req.query(), ctx.config, deps.defaults);
    const { sent, error, note } = c.req.query();
    const isSigned = isSignedNote(ctx.signingKeys.all, { sent, error }, note);
    const notice = sent && isSigned ? `Test sent to ${sent}.` : NOTICES[c.req.query("done") ?? ""];
    try {
      const state = await loadPreview(deps, selection);
      return c.html(
        previewPage({
          state,
          selection,
          lists: ctx.config.lists,
          csrf: previewCsrf(c, ctx.signingKey),
          version: deps.live.version(),
          notice,
          error: isSigned ? error : undefined,
        }),
      );
    } catch (error) {
      // A template being edited is often broken for a moment: say why, and reload when it is fixed.
      return c.html(
        html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview error</title>
<link rel="stylesheet" href="/preview/assets/preview.css"><script src="/preview/assets/preview.js" defer></script></head>
<body data-version="${String(deps.live.version())}"><div id="report"><p class="error" role="alert">${describeError(error)}</p>
<p>Fix it and save: this page reloads by itself.</p></div></body></html>`,
        500,
      );
    }
  });

  app.get("/frame", async (c) => {
    const selection = parseSelection(c.req.query(), ctx.config, deps.defaults);
    c.header("Content-Security-Policy", frameCsp(ctx.config, selection.images));
    try {
      const state = await loadPreview(deps, selection);
      if (!state.message) {
        const reason = state.preview.kind === "empty" ? state.preview.reason : "nothing to show";
        return c.html(plainDocument(`Nothing to send: ${reason}.`, selection.scheme));
      }
      return c.html(frameDocument(state.message, selection));
    } catch (error) {
      return c.html(plainDocument(describeError(error), selection.scheme), 500);
    }
  });

  app.get("/events", (c) =>
    streamSSE(c, async (stream) => {
      let stop = () => {};
      const closed = new Promise<void>((resolve) => {
        stop = resolve;
      });
      const unsubscribe = deps.live.subscribe((version) => {
        void stream.writeSSE({ event: "change", data: String(version) });
      });
      stream.onAbort(() => {
        unsubscribe();
        stop();
      });
      await stream.writeSSE({ event: "change", data: String(deps.live.version()) });
      await closed;
    }),
  );

  registerEditorRoutes(app, deps);
  return app;
}
