import type { MiddlewareHandler } from "hono";

/** The toolbar page: its own script and stylesheet, the email frame, the SSE connection. */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The email inside the frame: inline styles (MJML's output needs them), remote and inline images,
 * nothing else; framed only by the preview page itself.
 */
export const FRAME_CSP =
  "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; font-src https: data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * Security headers of the preview routes. Unlike the public app's, the frame route may be framed
 * (same origin only): a route that sets FRAME_CSP gets X-Frame-Options SAMEORIGIN.
 */
export function previewHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("Content-Security-Policy"))
      c.res.headers.set("Content-Security-Policy", PREVIEW_CSP);
    const isFrame = c.res.headers.get("Content-Security-Policy") === FRAME_CSP;
    c.res.headers.set("X-Frame-Options", isFrame ? "SAMEORIGIN" : "DENY");
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    // Not no-referrer: under it a browser sends `Origin: null` with a form's POST, which the
    // preview's Origin check (local-only.ts) must refuse. Other sites still get no referrer.
    c.res.headers.set("Referrer-Policy", "same-origin");
    // The preview shows drafts and subscribers' links: nothing may keep a copy.
    c.res.headers.set("Cache-Control", "no-store");
  };
}
