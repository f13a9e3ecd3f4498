import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { joinWithConsent, unsubscribe } from "../../audience/index.js";
import type { AppDeps } from "../app-deps.js";
import { csrfToken, isValidCsrf } from "../csrf.js";
import { forbidden, invalidLink, renderPage, unreadableForm } from "../messages.js";
import { csrfField } from "../page.js";
import { readForm } from "../read-form.js";
import { maskEmail, type ResolvedMember, resolveMember } from "../resolve-member.js";

/**
 * GET shows a confirmation and changes nothing: mail scanners and link previews fetch every
 * URL in a message. POST unsubscribes, from our form (CSRF-checked) or from a mail client's
 * RFC 8058 one-click request. A link opened again after unsubscribing says so and offers to
 * subscribe again (action=resubscribe), which the same signed link proves the mailbox wants.
 */
export function registerUnsubscribe(app: Hono, deps: AppDeps): void {
  app.get("/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const member = await resolveMember(deps, token, "unsubscribe");
    if (!member) return invalidLink(c, deps);
    const status = await statusOf(deps, member);
    if (status === "unsubscribed") return alreadyUnsubscribed(c, deps, token, member);
    if (status === "bounced" || status === "complained")
      return renderPage(
        c,
        deps,
        "You are not subscribed",
        html`<p class="notice" role="status">${maskEmail(member.subscriber.email)} gets no issues of
<strong>${member.list.name}</strong>.</p>`,
      );
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
    const body = await readForm(c);
    if (!body) return unreadableForm(c, deps);
    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no cookie and follows no
    // redirect; it must work without CSRF and answer 2xx.
    const isOneClick = await isOneClickBody(c, body);
    if (!isOneClick && !isValidCsrf(deps.signingKeys.all, token, body.csrf))
      return forbidden(c, deps);
    const member = await resolveMember(deps, token, "unsubscribe");
    if (!member)
      return isOneClick ? c.text("Not a valid unsubscribe link.", 404) : invalidLink(c, deps);
    if (!isOneClick && body.action === "resubscribe") return resubscribe(c, deps, member);
    await unsubscribe(deps.store, member.claims.listId, member.subscriber.id, deps.clock.now(), {
      source: isOneClick ? "one-click" : "link",
      maxBounces: deps.config.delivery.maxBounces,
    });
    if (isOneClick) return c.text(`Unsubscribed from ${member.list.name}.`, 200);
    return renderPage(
      c,
      deps,
      "You are unsubscribed",
      html`<p class="notice" role="status">You are unsubscribed from <strong>${member.list.name}</strong>.
You will get no more issues of it.</p>
${resubscribeForm(deps, token, "Unsubscribed by mistake?")}`,
    );
  });
}

/**
 * True for RFC 8058's "List-Unsubscribe=One-Click": as a form field (urlencoded or multipart, as
 * the RFC asks), or as the whole body of a client that types it otherwise — fetch() labels a
 * string text/plain — since an unsubscribe must not fail over a Content-Type.
 */
async function isOneClickBody(c: Context, form: Record<string, unknown>): Promise<boolean> {
  if (form["List-Unsubscribe"] === "One-Click") return true;
  if (Object.keys(form).length > 0) return false;
  const text = (await c.req.text()).trim();
  return new URLSearchParams(text).get("List-Unsubscribe") === "One-Click";
}

async function statusOf(deps: AppDeps, member: ResolvedMember) {
  const memberships = await deps.store.subscribers.membershipsOf(member.subscriber.id);
  return memberships.find((m) => m.list_id === member.claims.listId)?.status;
}

function alreadyUnsubscribed(c: Context, deps: AppDeps, token: string, member: ResolvedMember) {
  return renderPage(
    c,
    deps,
    "You are already unsubscribed",
    html`<p class="notice" role="status">${maskEmail(member.subscriber.email)} is already unsubscribed
from <strong>${member.list.name}</strong>: no more issues will come.</p>
${resubscribeForm(deps, token, "Changed your mind?")}`,
  );
}

function resubscribeForm(deps: AppDeps, token: string, question: string) {
  return html`<form method="post" action="/unsubscribe/${token}">
${csrfField(csrfToken(deps.signingKeys.current, token))}
<p>${question}</p>
<button type="submit" name="action" value="resubscribe" class="secondary">Subscribe again</button>
</form>`;
}

/** Back on the list, unless the address bounced, complained or is suppressed. */
async function resubscribe(c: Context, deps: AppDeps, member: ResolvedMember) {
  const status = await statusOf(deps, member);
  const isBlocked =
    status === "bounced" ||
    status === "complained" ||
    (await deps.store.suppressions.byEmail(member.subscriber.email)) !== undefined;
  if (isBlocked)
    return renderPage(
      c,
      deps,
      "We cannot send to this address",
      html`<p class="error" role="alert">Our email to this address was refused before, so we do not send
it any more. Write to us to be added again.</p>`,
      409,
    );
  if (status !== "active")
    await joinWithConsent(
      deps.store,
      member.claims.listId,
      member.subscriber,
      { form: "resubscribe", ip: deps.clientIp(c), userAgent: c.req.header("user-agent") ?? "" },
      deps.clock.now(),
    );
  return renderPage(
    c,
    deps,
    "You are subscribed again",
    html`<p class="notice" role="status">Welcome back: you are subscribed to <strong>${member.list.name}</strong>
again. The next issue comes to your inbox.</p>`,
  );
}
