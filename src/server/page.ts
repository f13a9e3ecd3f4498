import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { isNamedAsNewsletter } from "../shared/list-name.js";

/** Markup made by the `html` tag: every interpolated string is escaped. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The one layout of every page: a language, a viewport, one heading, the stylesheet (inline
 * styles would need `unsafe-inline` in the Content-Security-Policy) and no script at all. The
 * title names the newsletter after the page, once: the home page, titled by it, says it alone.
 */
export function page(options: {
  title: string;
  language: string;
  newsletter: string;
  body: Markup;
}): Markup {
  return html`<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${isNamedAsNewsletter(options.title, options.newsletter) ? options.title : `${options.title} · ${options.newsletter}`}</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header><p class="brand">${options.newsletter}</p></header>
<main>
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`;
}

/** A hidden CSRF field for a form. */
export function csrfField(token: string): Markup {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}
