import { buildView, type IssueView } from "./build-view.js";
import { compileMjml } from "./compile-mjml.js";
import type { Theme } from "./load-templates.js";
import type { RecipientSlots, SplitDocument } from "./recipient-slots.js";
import type { IssueModel } from "./types.js";

/** One compiled variant of an issue: HTML and text cut at the recipient tokens. */
export interface RenderedVariant {
  view: IssueView;
  html: SplitDocument;
  text: SplitDocument;
}

/**
 * Renders the issue with its first `shown` articles in full (default: all). Order: view with
 * recipient tokens → Handlebars → MJML (the one compile of this variant) → text → split.
 */
export async function renderVariant(
  theme: Theme,
  model: IssueModel,
  slots: RecipientSlots,
  shown?: number,
): Promise<RenderedVariant> {
  const view = buildView(model, slots, shown);
  // `{{recipientName "there"}}`: the subscriber's name, or the theme's word when there is none;
  // `{{firstName "there"}}` its first word, for a greeting.
  const fallbackOf = (args: unknown[]) => (typeof args[0] === "string" ? args[0] : "");
  const helpers = {
    recipientName: (...args: unknown[]) => slots.token("name", fallbackOf(args)),
    firstName: (...args: unknown[]) => slots.token("firstName", fallbackOf(args)),
  };
  const html = await compileMjml(theme.renderMjml(view, helpers), theme);
  const text = theme.renderText(view, helpers);
  return { view, html: slots.split(html), text: slots.split(text) };
}
