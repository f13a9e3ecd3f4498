import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

/**
 * The preview's guard against other sites (it shows drafts and every subscriber's personal
 * links, and can send and approve). Host: only the loopback names on the preview's own port, or
 * `allowedHosts` ("name" on that port, "name:port" exactly) — a page that rebinds its own name to
 * 127.0.0.1 (DNS rebinding) still sends that name. Every other method than GET and HEAD must come
 * from one of those origins (the Origin header every browser sends with a POST).
 */
export function localOnly(allowedHosts: readonly string[] = []): MiddlewareHandler {
  const allowed = allowedHosts.map((entry) => entry.toLowerCase());
  return async (c, next) => {
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    if (!isAllowedHost(host, localPortOf(c), allowed))
      return c.text(
        "Forbidden: the preview answers at 127.0.0.1, localhost or [::1] on its own port only (gazette preview --allowed-host NAME adds a name).",
        403,
      );
    const isSafe = c.req.method === "GET" || c.req.method === "HEAD";
    // https too: an allowed name may be a proxy that ends TLS in front of the preview.
    const origin = c.req.header("origin")?.toLowerCase();
    if (!isSafe && origin !== `http://${host}` && origin !== `https://${host}`)
      return c.text("Forbidden: changes are taken only from the preview's own pages.", 403);
    await next();
    // The public pages served beside the preview say no-referrer, under which a browser posts
    // their forms with `Origin: null`; same-origin still gives other sites no referrer.
    c.res.headers.set("Referrer-Policy", "same-origin");
  };
}

function isAllowedHost(host: string, localPort: number | undefined, allowed: string[]): boolean {
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  // "127.0.0.1:4000@attacker.example" and the like parse to another host than they spell.
  const port = url.port === "" ? 80 : Number(url.port);
  if (url.host !== host && `${url.hostname}:${port}` !== host) return false;
  if (allowed.includes(host)) return true;
  // In-process requests (tests) have no socket: their URL is all there is.
  const isOwnPort = port === (localPort ?? port);
  return isOwnPort && (LOOPBACK_NAMES.includes(url.hostname) || allowed.includes(url.hostname));
}

/** The port the request came in on (@hono/node-server puts the request in `env.incoming`). */
function localPortOf(c: Context): number | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.localPort;
}
