import { html } from "hono/html";
import { LOW_CONFIDENCE } from "../../enrich/index.js";
import type { ArticleModel } from "../../render/index.js";
import type { Markup } from "../page.js";
import type { PreviewState } from "./load-preview.js";
import { type PreviewSelection, selectionQuery } from "./preview-selection.js";

/**
 * The editor's forms: summary, why and drop per article (overrides, so they work before the
 * issue is composed too); intro, order and approval on a composed draft, or a button that
 * composes the draft now. Plain POST forms: they work without the script.
 */
export function editorPanel(input: {
  state: PreviewState;
  selection: PreviewSelection;
  csrf: string;
}): Markup {
  const { state } = input;
  const preview = state.preview;
  const hidden = html`<input type="hidden" name="csrf" value="${input.csrf}"><input type="hidden" name="back" value="${selectionQuery(input.selection)}">`;
  const form = (action: string, body: Markup | string, label: string, kind = "") =>
    html`<form method="post" action="${action}">${hidden}${body}<button type="submit"${kind ? html` class="${kind}"` : ""}>${label}</button></form>`;
  if (preview.kind === "fixture")
    return html`<aside class="pv-editor"><section><p>A fixture: nothing here is stored, so there is nothing to edit.</p></section></aside>`;
  if (preview.kind === "empty") return html`<aside class="pv-editor"></aside>`;
  if (preview.kind === "stored" && preview.issue.status !== "draft")
    return html`<aside class="pv-editor"><section><p>Issue #${String(preview.issue.number)} is ${preview.issue.status}: it can no longer be edited.</p></section></aside>`;
  const articles = preview.model.articles;
  const list = html`<input type="hidden" name="list" value="${state.list.id}">`;
  const issueSection =
    preview.kind === "stored"
      ? html`<section id="draft">
<h2>Draft #${String(preview.issue.number)}${preview.issue.approvedAt ? " · approved" : state.list.mode === "review" ? " · awaiting approval" : ""}</h2>
${form("/preview/intro", html`${list}<input type="hidden" name="issue" value="${String(preview.issue.number)}"><label>Intro<textarea name="intro">${preview.issue.intro ?? ""}</textarea></label>`, "Save intro")}
${preview.issue.approvedAt ? "" : form("/preview/approve", html`${list}<input type="hidden" name="issue" value="${String(preview.issue.number)}">`, "Approve")}
</section>`
      : html`<section id="draft">
<h2>Next issue (not composed yet)</h2>
<p>Article edits apply now. The intro, the order and the approval need a composed draft.</p>
${form("/preview/compose", list, "Compose draft now")}
</section>`;
  return html`<aside class="pv-editor">
${issueSection}
${articles.map((article, index) => articleSection(article, index, articles, preview.kind === "stored" ? preview.issue.number : undefined, form, list))}
</aside>`;
}

/** An entry the summarizer was unsure of: the editor should read it before it goes out. */
function isUnsure(article: ArticleModel): boolean {
  return article.confidence !== undefined && article.confidence < LOW_CONFIDENCE;
}

type FormMaker = (action: string, body: Markup | string, label: string, kind?: string) => Markup;

function articleSection(
  article: ArticleModel,
  index: number,
  articles: ArticleModel[],
  issueNumber: number | undefined,
  form: FormMaker,
  list: Markup,
): Markup {
  const id = String(article.id);
  const moved = (to: number) => {
    const order = articles.map((a) => a.id);
    [order[index], order[to]] = [order[to] as number, order[index] as number];
    return html`${list}<input type="hidden" name="issue" value="${String(issueNumber)}"><input type="hidden" name="order" value="${order.join(",")}">`;
  };
  return html`<section class="pv-article${isUnsure(article) ? " pv-unsure" : ""}" id="article-${id}">
<h3>${String(index + 1)}. ${article.title} <small>[${id}] ${article.source}</small></h3>
${isUnsure(article) ? html`<p class="pv-unsure-note" role="note">Check this entry: the summarizer was unsure of it (confidence ${(article.confidence ?? 0).toFixed(2)}, ${article.method ?? "unknown method"}).</p>` : ""}
${form(`/preview/articles/${id}`, html`<input type="hidden" name="summary_was" value="${article.summary}"><input type="hidden" name="why_was" value="${article.why}"><label>Summary<textarea name="summary">${article.summary}</textarea></label><label>Why it matters<textarea name="why">${article.why}</textarea></label>`, "Save")}
<div class="pv-row">
${form(`/preview/articles/${id}/drop`, "", "Drop", "danger")}
${issueNumber !== undefined && index > 0 ? form("/preview/reorder", moved(index - 1), "Move up", "secondary") : ""}
${issueNumber !== undefined && index < articles.length - 1 ? form("/preview/reorder", moved(index + 1), "Move down", "secondary") : ""}
</div>
</section>`;
}
