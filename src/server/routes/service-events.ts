import type { Hono } from "hono";
import type { EmailService } from "../../inbox/index.js";
import type { AppDeps } from "../app-deps.js";

/** POST /events/ses|postmark|resend: the email services' event webhooks (when configured). */
export function registerServiceEvents(app: Hono, deps: AppDeps): void {
  const receiver = deps.serviceEvents;
  if (!receiver) return;
  app.post("/events/:service", async (c) => {
    const service = c.req.param("service") as EmailService;
    if (!receiver.services.includes(service)) return c.json({ error: "not found" }, 404);
    const answer = await receiver.receive(service, {
      header: (name) => c.req.header(name),
      body: await c.req.text(),
    });
    return c.body(answer.body, answer.status as 200, { "content-type": "application/json" });
  });
}
