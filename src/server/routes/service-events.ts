import type { Hono } from "hono";
import type { EmailService, RejectReason } from "../../inbox/index.js";
import type { AppDeps } from "../app-deps.js";

// What counts against a client: a wrong or missing credential, and a certificate that could not
// be had (each one fetched for the request). A replayed request may be a real one retried late.
const GUESSES = new Set<RejectReason>(["forged", "unsigned", "untrusted-certificate"]);

/**
 * POST /events/ses|postmark|resend: the email services' event webhooks (when configured). A
 * client refused as a guess (GUESSES) 20 times within an hour is answered 429 unread until the
 * oldest of them is an hour old: Postmark's credentials are whatever the operator chose, and
 * nothing kept a client from guessing them at full speed. The services retry a 429.
 */
export function registerServiceEvents(app: Hono, deps: AppDeps): void {
  const receiver = deps.serviceEvents;
  if (!receiver) return;
  app.post("/events/:service", async (c) => {
    const service = c.req.param("service") as EmailService;
    if (!receiver.services.includes(service)) return c.json({ error: "not found" }, 404);
    const client = deps.clientIp(c);
    if (deps.eventAuthLimiter.isSpent(client))
      return c.json({ error: "too many refused requests" }, 429, { "retry-after": "3600" });
    const answer = await receiver.receive(service, {
      header: (name) => c.req.header(name),
      body: await c.req.text(),
    });
    if (answer.refused && GUESSES.has(answer.refused)) deps.eventAuthLimiter.take(client);
    return c.body(answer.body, answer.status as 200, { "content-type": "application/json" });
  });
}
