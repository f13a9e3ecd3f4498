import type { MiddlewareHandler } from "hono";

/** The Content-Security-Policy of Gazette's own pages: no script, styles from /assets only. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Archived issues are email HTML, styled inline by MJML: they may use inline styles, and still
 * run no script and submit no form.
 */
export const ARCHIVE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Sets the security headers on every answer; a route may set a looser CSP of its own first. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("Content-Security-Policy"))
      c.res.headers.set("Content-Security-Policy", PAGE_CSP);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
    c.res.headers.set("X-Frame-Options", "DENY");
    // Pages behind a token are personal: no shared cache may keep them.
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  };
}
