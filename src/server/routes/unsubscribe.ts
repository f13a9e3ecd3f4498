import type { Hono } from "hono";
import { html } from "hono/html";
import type { AppDeps } from "../app-deps.js";
import { csrfToken, isValidCsrf } from "../csrf.js";
import { forbidden, invalidLink, renderPage } from "../messages.js";
import { csrfField } from "../page.js";
import { maskEmail, resolveMember } from "../resolve-member.js";
import { unsubscribeMember } from "../unsubscribe-member.js";

/**
 * GET shows a confirmation and changes nothing: mail scanners and link previews fetch every
 * URL in a message. POST unsubscribes, from our form (CSRF-checked) or from a mail client's
 * RFC 8058 one-click request.
 */
export function registerUnsubscribe(app: Hono, deps: AppDeps): void {
  app.get("/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const member = await resolveMember(deps, token, "unsubscribe");
    if (!member) return invalidLink(c, deps);
    return renderPage(
      c,
      deps,
      `Unsubscribe from ${member.list.name}?`,
      html`<p>You will get no more issues of <strong>${member.list.name}</strong> at
${maskEmail(member.subscriber.email)}.</p>
<form method="post" action="/unsubscribe/${token}">
${csrfField(csrfToken(deps.signingKeys.current, token))}
<button type="submit">Unsubscribe</button>
</form>`,
    );
  });

  app.post("/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const body = await c.req.parseBody();
    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" (urlencoded or multipart)
    // with no cookie and follows no redirect; it must work without CSRF and answer 2xx.
    const isOneClick = body["List-Unsubscribe"] === "One-Click";
    if (!isOneClick && !isValidCsrf(deps.signingKeys.all, token, body.csrf))
      return forbidden(c, deps);
    const member = await resolveMember(deps, token, "unsubscribe");
    if (!member)
      return isOneClick ? c.text("Not a valid unsubscribe link.", 404) : invalidLink(c, deps);
    await unsubscribeMember(
      deps,
      member.claims.listId,
      member.subscriber.id,
      isOneClick ? "one-click" : "link",
    );
    if (isOneClick) return c.text(`Unsubscribed from ${member.list.name}.`, 200);
    return renderPage(
      c,
      deps,
      "You are unsubscribed",
      html`<p class="notice" role="status">You are unsubscribed from <strong>${member.list.name}</strong>.
You will get no more issues of it.</p>`,
    );
  });
}
