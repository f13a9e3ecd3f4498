import type { Context } from "hono";
import { html } from "hono/html";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps } from "./app-deps.js";
import { type Markup, page } from "./page.js";

/** Answers with a full page around `body`. */
export function renderPage(
  c: Context,
  deps: AppDeps,
  title: string,
  body: Markup,
  status: ContentfulStatusCode = 200,
) {
  return c.html(
    page({
      title,
      language: deps.config.newsletter.language,
      newsletter: deps.config.newsletter.name,
      body,
    }),
    status,
  );
}

/** The page for a link that is forged, damaged, expired or names nothing we know. */
export function invalidLink(c: Context, deps: AppDeps) {
  return renderPage(
    c,
    deps,
    "This link is not valid",
    html`<p class="error" role="alert">This link is not valid or has expired. Use the newest link
from one of our emails, or <a href="/subscribe">sign up again</a>.</p>`,
    404,
  );
}

/** The page for a form post without a valid CSRF token. */
export function forbidden(c: Context, deps: AppDeps) {
  return renderPage(
    c,
    deps,
    "Form expired",
    html`<p class="error" role="alert">This form could not be checked. Go back, reload the page and try again.</p>`,
    403,
  );
}

/** The page for a POST whose body claims to be a form and cannot be read as one. */
export function unreadableForm(c: Context, deps: AppDeps) {
  return renderPage(
    c,
    deps,
    "This form could not be read",
    html`<p class="error" role="alert">The form arrived damaged. Go back, reload the page and try again.</p>`,
    400,
  );
}

/** The page for a client over its hourly limit of `what` ("requests", "signups"). */
export function tooManyAttempts(c: Context, deps: AppDeps, what: string) {
  return renderPage(
    c,
    deps,
    "Too many attempts",
    html`<p class="error" role="alert">Too many ${what} from your address. Try again in an hour.</p>`,
    429,
  );
}
