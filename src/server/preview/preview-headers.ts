import type { MiddlewareHandler } from "hono";
import type { Config } from "../../config/index.js";

/** The toolbar page: its own script and stylesheet, the email frame, the SSE connection. */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Whether the frame loads the email's remote images and fonts (the editor's choice). */
export type RemoteImages = "blocked" | "shown";

/**
 * The email inside the frame: inline styles (MJML's output needs them), inline images and the
 * https logos the config names, nothing else; framed only by the preview page itself. Any other
 * remote image or font loads only when the editor asks: each would tell its host (a feed's, a
 * template's) that the issue was previewed, when and from which address, as a tracking pixel does.
 */
export function frameCsp(config: Config, images: RemoteImages): string {
  const remote = images === "shown" ? ["https:"] : logoOrigins(config);
  const sources = ["data:", ...remote].join(" ");
  return `default-src 'none'; img-src ${sources}; style-src 'unsafe-inline'; font-src ${sources}; form-action 'none'; base-uri 'none'; frame-ancestors 'self'`;
}

function logoOrigins(config: Config): string[] {
  const urls = [config.newsletter.logoUrl, ...config.feeds.map((feed) => feed.logoUrl)];
  const origins = urls.flatMap((url) => {
    const parsed = url ? URL.parse(url) : null;
    return parsed?.protocol === "https:" ? [parsed.origin] : [];
  });
  return [...new Set(origins)];
}

/**
 * Security headers of the preview routes. Unlike the public app's, the frame route may be framed
 * (same origin only): a route that sets frameCsp gets X-Frame-Options SAMEORIGIN.
 */
export function previewHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("Content-Security-Policy"))
      c.res.headers.set("Content-Security-Policy", PREVIEW_CSP);
    const isFrame = c.res.headers
      .get("Content-Security-Policy")
      ?.endsWith("frame-ancestors 'self'");
    c.res.headers.set("X-Frame-Options", isFrame ? "SAMEORIGIN" : "DENY");
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    // Not no-referrer: under it a browser sends `Origin: null` with a form's POST, which the
    // preview's Origin check (local-only.ts) must refuse. Other sites still get no referrer.
    c.res.headers.set("Referrer-Policy", "same-origin");
    // The preview shows drafts and subscribers' links: nothing may keep a copy.
    c.res.headers.set("Cache-Control", "no-store");
  };
}
