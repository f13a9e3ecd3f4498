import type { IncomingMessage } from "node:http";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { html } from "hono/html";
import { createAfterAnswer } from "./after-answer.js";
import { type AppDeps, type AppOptions, createListIndex } from "./app-deps.js";
import { createClientLimiter } from "./client-limiter.js";
import { renderPage } from "./messages.js";
import { createRateLimiter } from "./rate-limiter.js";
import { registerArchive } from "./routes/archive.js";
import { registerAskForLink } from "./routes/ask-for-link.js";
import { registerConfirm } from "./routes/confirm.js";
import { registerPreferences } from "./routes/preferences.js";
import { registerServiceEvents } from "./routes/service-events.js";
import { registerSubscribe } from "./routes/subscribe.js";
import { registerUnsubscribe } from "./routes/unsubscribe.js";
import { securityHeaders } from "./security-headers.js";
import { STYLE_CSS } from "./style-css.js";

/**
 * The web app behind every link in an email: unsubscribe (RFC 8058 one-click too), preferences,
 * signup with double opt-in, and the archive. Plain server-rendered HTML, no script.
 */
export function createApp(options: AppOptions): Hono {
  const deps: AppDeps = {
    ...options,
    afterAnswer: options.afterAnswer ?? createAfterAnswer(),
    lists: createListIndex(options.store, options.config),
    signupLimiter: createClientLimiter({
      ...(options.signupLimit ?? { max: 5, windowMs: 3_600_000 }),
      clock: options.clock,
    }),
    confirmTtlMs: options.confirmTtlMs ?? 48 * 3_600_000,
    confirmationLimits: options.confirmationLimits ?? [
      { max: 1, windowMs: 10 * 60_000 },
      { max: 3, windowMs: 24 * 3_600_000 },
    ],
    clientIp: options.clientIp ?? socketAddress,
    linkClientLimiter: createClientLimiter({
      ...(options.signupLimit ?? { max: 5, windowMs: 3_600_000 }),
      clock: options.clock,
    }),
    linkLimiters: (
      options.linkLimits ?? [
        { max: 1, windowMs: 10 * 60_000 },
        { max: 3, windowMs: 24 * 3_600_000 },
      ]
    ).map((limit) => createRateLimiter({ ...limit, clock: options.clock })),
    eventAuthLimiter: createClientLimiter({ max: 20, windowMs: 3_600_000, clock: options.clock }),
  };
  const app = new Hono();
  app.use(securityHeaders());
  // Forms here are a few fields; nothing larger has a reason to be read. An email service's
  // event is larger (SNS messages reach 256 KiB), never more than 1 MiB.
  const tooLarge = (c: Context) => c.text("Payload too large", 413);
  const formLimit = bodyLimit({ maxSize: 64 * 1024, onError: tooLarge });
  const eventLimit = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge });
  app.use((c, next) => (c.req.path.startsWith("/events/") ? eventLimit : formLimit)(c, next));
  app.get("/assets/style.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(STYLE_CSS);
  });
  app.get("/", (c) =>
    renderPage(
      c,
      deps,
      deps.config.newsletter.name,
      html`<ul>
<li><a href="/subscribe">Subscribe</a></li>
<li><a href="/archive/">Past issues</a></li>
<li><a href="/preferences">Manage your subscription</a></li>
</ul>`,
    ),
  );
  registerAskForLink(app, deps);
  registerUnsubscribe(app, deps);
  registerPreferences(app, deps);
  registerSubscribe(app, deps);
  registerConfirm(app, deps);
  registerArchive(app, deps);
  registerServiceEvents(app, deps);
  app.notFound((c) =>
    renderPage(c, deps, "Page not found", html`<p><a href="/">Start page</a></p>`, 404),
  );
  app.onError((error, c) => {
    console.error(`gazette serve: ${c.req.method} ${c.req.path}: ${error.message}`);
    return renderPage(c, deps, "Something went wrong", html`<p>Please try again later.</p>`, 500);
  });
  return app;
}

/** The peer address of the connection (@hono/node-server puts the request in `env.incoming`). */
function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? "unknown";
}
