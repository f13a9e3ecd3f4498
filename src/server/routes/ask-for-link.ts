import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { checkEmail } from "../../audience/index.js";
import type { AppDeps } from "../app-deps.js";
import { csrfToken, formSession, isValidCsrf, type SessionCookie, sessionOf } from "../csrf.js";
import { forbidden, renderPage, tooManyAttempts, unreadableForm } from "../messages.js";
import { csrfField } from "../page.js";
import { readForm } from "../read-form.js";
import { requestLinks } from "../request-links.js";

const PAGES = {
  "/unsubscribe": {
    title: "Unsubscribe",
    why: "unsubscribe",
  },
  "/preferences": {
    title: "Manage your preferences",
    why: "change your topics and lists",
  },
} as const;

type PagePath = keyof typeof PAGES;

/**
 * `/unsubscribe` and `/preferences` without a token: the links of the web version, of a
 * forwarded copy and of the archive. They ask for the address and email it the subscriber's
 * own links. The answer is the same for every address, and comes before the lookup and the
 * email (run after it), so neither its words nor its timing tell whether anyone is subscribed.
 */
export function registerAskForLink(app: Hono, deps: AppDeps): void {
  for (const path of Object.keys(PAGES) as PagePath[]) {
    app.get(path, (c) => askForm(c, deps, path, {}));
    app.post(path, async (c) => {
      if (!deps.linkClientLimiter.take(deps.clientIp(c)))
        return tooManyAttempts(c, deps, "requests");
      const body = await readForm(c);
      if (!body) return unreadableForm(c, deps);
      const session = sessionOf(c, cookieOf(deps, path));
      if (!session || !isValidCsrf(deps.signingKeys.all, session, body.csrf))
        return forbidden(c, deps);
      const typed = typeof body.email === "string" ? body.email : "";
      const check = checkEmail(typed);
      if (!check.ok)
        return askForm(
          c,
          deps,
          path,
          {
            email: typed,
            error: `Enter a valid email address, like name@example.com: this one ${check.reason}.`,
          },
          400,
        );
      deps.afterAnswer.run(
        requestLinks(deps, check.address),
        "personal links not sent",
        deps.onLinkRequest,
      );
      return renderPage(
        c,
        deps,
        "Check your inbox",
        html`<p class="notice" role="status">If this address is on one of our lists, an email with
your personal links to unsubscribe and to manage your preferences is on its way.</p>`,
      );
    });
  }
}

function cookieOf(deps: AppDeps, path: PagePath): SessionCookie {
  return {
    name: "gz_links",
    path,
    secure: deps.config.newsletter.baseUrl.startsWith("https:"),
  };
}

function askForm(
  c: Context,
  deps: AppDeps,
  path: PagePath,
  values: { email?: string; error?: string },
  status: 200 | 400 = 200,
) {
  const session = formSession(c, cookieOf(deps, path));
  const page = PAGES[path];
  return renderPage(
    c,
    deps,
    page.title,
    html`${values.error ? html`<p class="error" role="alert" id="email-error">${values.error}</p>` : ""}
<p>To ${page.why}, we email you a personal link. Enter the address you get
${deps.config.newsletter.name} at.</p>
<form method="post" action="${path}">
${csrfField(csrfToken(deps.signingKeys.current, session))}
<label for="email">Email address
<input type="email" id="email" name="email" required autocomplete="email" value="${values.email ?? ""}"${values.error ? html` aria-invalid="true" aria-describedby="email-error"` : ""}></label>
<button type="submit">Email me my link</button>
</form>`,
    status,
  );
}
