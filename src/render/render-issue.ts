import { buildView } from "./build-view.js";
import { compileMjml } from "./compile-mjml.js";
import { createCompiledIssue } from "./compiled-issue.js";
import { loadTemplates } from "./load-templates.js";
import { RecipientSlots } from "./recipient-slots.js";
import { renderSubject } from "./render-subject.js";
import type { CompiledIssue, IssueModel, RenderOptions } from "./types.js";

/**
 * Renders an issue once for all its subscribers. Order: load and check the theme → build the
 * view with recipient tokens → Handlebars → MJML (once) → text → subject → split at the tokens.
 */
export async function renderIssue(
  model: IssueModel,
  options: RenderOptions,
): Promise<CompiledIssue> {
  const theme = await loadTemplates(options.templatesDir);
  const slots = new RecipientSlots();
  const view = buildView(model, slots);
  // `{{recipientName "there"}}`: the subscriber's name, or the theme's word when there is none.
  const helpers = {
    recipientName: (...args: unknown[]) =>
      slots.token("name", typeof args[0] === "string" ? args[0] : ""),
  };
  const html = await compileMjml(theme.renderMjml(view, helpers), theme);
  const text = theme.renderText(view, helpers);
  return createCompiledIssue({
    subject: renderSubject(options.subjectTemplate, view),
    html: slots.split(html),
    text: slots.split(text),
    slots,
    baseUrl: model.newsletter.baseUrl,
  });
}
