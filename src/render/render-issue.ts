import { createCompiledIssue } from "./compiled-issue.js";
import { fitToBudget } from "./fit-to-budget.js";
import { loadTemplates } from "./load-templates.js";
import { escapeHtml, joinDocument, RecipientSlots } from "./recipient-slots.js";
import { renderSubject } from "./render-subject.js";
import { type RenderedVariant, renderVariant } from "./render-variant.js";
import { sizingRecipient } from "./sizing-recipient.js";
import type { CompiledIssue, IssueModel, RenderOptions } from "./types.js";

/** Gmail clips a message whose HTML passes 102 KB; this leaves room for headers and growth. */
export const DEFAULT_MAX_HTML_BYTES = 90 * 1024;

/**
 * Renders an issue once for all its subscribers. Order: load and check the theme → render every
 * article in full (the web version) → measure it with the longest plausible recipient fields →
 * when over the budget, render the email with fewer articles in full and an "and N more
 * articles" section → subject → wrap the split documents for filling.
 */
export async function renderIssue(
  model: IssueModel,
  options: RenderOptions,
): Promise<CompiledIssue> {
  const theme = await loadTemplates(options.templatesDir);
  const slots = new RecipientSlots();
  const budget = options.maxHtmlBytes ?? DEFAULT_MAX_HTML_BYTES;
  const longest = sizingRecipient(model.newsletter.baseUrl);
  const measure = (variant: RenderedVariant) =>
    Buffer.byteLength(joinDocument(variant.html, slots.values(longest, escapeHtml)));
  const full = await renderVariant(theme, model, slots);
  const total = model.articles.length;
  let email = { variant: full, bytes: measure(full), shown: total };
  if (email.bytes > budget) {
    email = await fitToBudget(
      (shown) => renderVariant(theme, model, slots, shown),
      measure,
      email,
      budget,
    );
  }
  return createCompiledIssue({
    subject: renderSubject(options.subjectTemplate, full.view),
    email: email.variant,
    web: full,
    slots,
    baseUrl: model.newsletter.baseUrl,
    size: {
      maxHtmlBytes: budget,
      htmlBytes: email.bytes,
      shown: email.shown,
      trimmed: total - email.shown,
    },
  });
}
