import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { checkEmail } from "../../audience/index.js";
import type { AppDeps } from "../app-deps.js";
import { csrfToken, formSession, isValidCsrf, type SessionCookie, sessionOf } from "../csrf.js";
import { forbidden, renderPage, tooManyAttempts, unreadableForm } from "../messages.js";
import { csrfField, type Markup } from "../page.js";
import { readForm } from "../read-form.js";
import { requestSignup } from "../request-signup.js";

/** The signup form's session cookie, sent back with its POST only. */
function signupCookie(deps: AppDeps): SessionCookie {
  return {
    name: "gz_form",
    path: "/subscribe",
    secure: deps.config.newsletter.baseUrl.startsWith("https:"),
  };
}

/**
 * The signup form with double opt-in. CSRF: a random cookie (SameSite=Strict) and, in the form,
 * its HMAC. Bots: a honeypot field hidden from people, and a per-client rate limit (IPv6 per
 * /64, /48 and /32). Mail bombing: requestSignup sends one address few confirmations, whoever asks.
 * Enumeration: every valid request gets "Check your inbox" at once; requestSignup runs after the
 * answer, so neither the page nor its timing tells a new address from a subscribed one.
 */
export function registerSubscribe(app: Hono, deps: AppDeps): void {
  app.get("/subscribe", (c) => {
    const chosen = c.req.query("list");
    return signupForm(c, deps, { list: chosen });
  });

  app.post("/subscribe", async (c) => {
    if (!deps.signupLimiter.take(deps.clientIp(c))) return tooManyAttempts(c, deps, "signups");
    const body = await readForm(c);
    if (!body) return unreadableForm(c, deps);
    const cookie = sessionOf(c, signupCookie(deps));
    if (!cookie || !isValidCsrf(deps.signingKeys.all, cookie, body.csrf)) return forbidden(c, deps);
    const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const listSlug = field("list") || deps.config.lists[0]?.id || "";
    // A person never sees the honeypot; whatever filled it gets the same answer and no email.
    if (field("website") !== "") return checkInbox(c, deps);
    const check = checkEmail(field("email"));
    const list = deps.config.lists.find((candidate) => candidate.id === listSlug);
    const listId = list ? await deps.lists.idOf(list.id) : undefined;
    if (!check.ok || !list || listId === undefined) {
      const error = !check.ok
        ? `Enter a valid email address, like name@example.com: this one ${check.reason}.`
        : "Pick a list.";
      return signupForm(c, deps, { list: listSlug, email: field("email"), error }, 400);
    }
    // The answer comes first and is the same for every address; the membership rules, the store
    // write and the confirmation email run after it (a failed send is logged, never shown).
    deps.afterAnswer.run(
      requestSignup(deps, {
        email: check.address,
        list,
        listId,
        ip: deps.clientIp(c),
        userAgent: c.req.header("user-agent") ?? "",
      }),
      "confirmation email not sent",
      deps.onSignup,
    );
    return checkInbox(c, deps);
  });
}

function checkInbox(c: Context, deps: AppDeps) {
  return renderPage(
    c,
    deps,
    "Check your inbox",
    html`<p class="notice" role="status">If the address can receive our email, a message with a
confirmation link is on its way. Open it to start your subscription; the link works for 48 hours.</p>`,
  );
}

function signupForm(
  c: Context,
  deps: AppDeps,
  values: { list?: string; email?: string; error?: string },
  status: 200 | 400 = 200,
) {
  const cookie = formSession(c, signupCookie(deps));
  const lists = deps.config.lists;
  const choice: Markup =
    lists.length === 1
      ? html`<input type="hidden" name="list" value="${lists[0]?.id ?? ""}">`
      : html`<label for="list">List
<select id="list" name="list">${lists.map(
          (list) =>
            html`<option value="${list.id}"${list.id === values.list ? html` selected` : ""}>${list.name}</option>`,
        )}</select></label>`;
  return renderPage(
    c,
    deps,
    lists.length === 1 ? `Subscribe to ${lists[0]?.name ?? ""}` : "Subscribe",
    html`${values.error ? html`<p class="error" role="alert" id="email-error">${values.error}</p>` : ""}
<form method="post" action="/subscribe">
${csrfField(csrfToken(deps.signingKeys.current, cookie))}
<label for="email">Email address
<input type="email" id="email" name="email" required autocomplete="email" value="${values.email ?? ""}"${values.error ? html` aria-invalid="true" aria-describedby="email-error"` : ""}></label>
${choice}
<div class="trap" aria-hidden="true"><label for="website">Leave this field empty
<input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></label></div>
<button type="submit">Subscribe</button>
</form>
<p>We send a confirmation link first; nothing arrives until you open it.</p>`,
    status,
  );
}
