import { html } from "hono/html";
import type { Markup } from "../page.js";
import { checkLinks } from "./check-links.js";
import { editorPanel } from "./editor-panel.js";
import type { PreviewState } from "./load-preview.js";
import { type PreviewSelection, selectionQuery } from "./preview-selection.js";
import { GMAIL_CLIP_BYTES, SIZE_WARN_BYTES, sizeLevel } from "./size-level.js";

/** The sandbox of the email frame: links may open a tab; no script, no form, no same origin. */
export const FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

/** The preview page: toolbar, report, the email in a sandboxed frame, and the editor's forms. */
export function previewPage(input: {
  state: PreviewState;
  selection: PreviewSelection;
  lists: { id: string; name: string }[];
  csrf: string;
  version: number;
  notice?: string;
  error?: string;
}): Markup {
  const { state, selection } = input;
  const frameSrc = `/preview/frame?${selectionQuery(selection, { v: String(input.version) })}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Preview · ${state.list.name}</title>
<link rel="stylesheet" href="/preview/assets/preview.css">
<script src="/preview/assets/preview.js" defer></script>
</head>
<body data-version="${String(input.version)}">
<header class="pv-bar">
${picker(input)}
${testSendForm(input)}
</header>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ""}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ""}
${report(state)}
<div class="pv-main">
<div class="pv-stage">
<iframe id="frame" title="The email" src="${frameSrc}" width="${String(selection.device)}" sandbox="${FRAME_SANDBOX}"></iframe>
</div>
${editorPanel({ state, selection, csrf: input.csrf })}
</div>
</body>
</html>`;
}

function picker(input: {
  state: PreviewState;
  selection: PreviewSelection;
  lists: { id: string; name: string }[];
}): Markup {
  const { state, selection } = input;
  const option = (value: string, label: string, current: string) =>
    html`<option value="${value}"${value === current ? html` selected` : ""}>${label}</option>`;
  const radios = (name: string, choices: [string, string][], current: string) =>
    choices.map(
      ([value, label]) =>
        html`<label><input type="radio" name="${name}" value="${value}"${value === current ? html` checked` : ""}> ${label}</label>`,
    );
  return html`<form id="picker" method="get" action="/preview">
<label>List <select name="list">${input.lists.map((l) => option(l.id, l.name, selection.list))}</select></label>
<label>Issue <select name="issue">${option("next", "Next issue", String(selection.issue))}${state.issues.map((issue) => option(String(issue.number), `#${issue.number} (${issue.status})`, String(selection.issue)))}</select></label>
<label>Reader <select name="reader">${state.readers.map((r) => option(r.value, r.label, selection.reader))}</select></label>
<fieldset><legend>Device</legend>${radios(
    "device",
    [
      ["600", "Desktop 600 px"],
      ["375", "Mobile 375 px"],
    ],
    String(selection.device),
  )}</fieldset>
<fieldset><legend>Scheme</legend>${radios(
    "scheme",
    [
      ["light", "Light"],
      ["dark", "Dark"],
    ],
    selection.scheme,
  )}</fieldset>
<fieldset><legend>View</legend>${radios(
    "view",
    [
      ["html", "HTML"],
      ["text", "Plain text"],
      ["source", "Source"],
    ],
    selection.view,
  )}</fieldset>
<fieldset><legend>Remote images</legend>${radios(
    "images",
    [
      ["blocked", "Blocked"],
      ["shown", "Shown"],
    ],
    selection.images,
  )}</fieldset>
<button type="submit" class="secondary">Show</button>
</form>`;
}

function testSendForm(input: { selection: PreviewSelection; csrf: string; state: PreviewState }) {
  if (!input.state.compiled) return "";
  return html`<form id="test-send" method="post" action="/preview/send">
<input type="hidden" name="csrf" value="${input.csrf}">
<input type="hidden" name="back" value="${selectionQuery(input.selection)}">
<label>Send a test to <input type="email" name="to" required autocomplete="email"></label>
<button type="submit">Send test</button>
</form>`;
}

/** Subject, size against Gmail's clip, and the link check. */
function report(state: PreviewState): Markup {
  if (state.preview.kind === "empty")
    return html`<div id="report"><p>Nothing to send: ${state.preview.reason}.</p></div>`;
  const { compiled, message } = state;
  if (!compiled || !message) return html`<div id="report"></div>`;
  const bytes = compiled.size.htmlBytes;
  const level = sizeLevel(bytes);
  const links = checkLinks(message.html);
  const source =
    state.preview.kind === "next"
      ? "next issue, as it would be composed now (not saved)"
      : state.preview.kind === "fixture"
        ? "fixture"
        : `issue #${state.preview.issue.number}, ${state.preview.issue.status}`;
  return html`<div id="report">
<p><strong>Subject:</strong> <span id="subject">${message.subject}</span> · ${source}</p>
<p id="size" class="size-${level}" data-bytes="${String(bytes)}"><meter min="0" max="${String(GMAIL_CLIP_BYTES)}" low="${String(SIZE_WARN_BYTES)}" high="${String(SIZE_WARN_BYTES)}" optimum="0" value="${String(bytes)}"></meter>
HTML ${kb(bytes)} of Gmail's ${kb(GMAIL_CLIP_BYTES)} clip${level === "over" ? " — Gmail will clip this email" : level === "warn" ? " — close to the clip" : ""}${compiled.size.trimmed > 0 ? html` · ${String(compiled.size.trimmed)} articles moved to "more articles" to fit the budget` : ""}</p>
<div id="links" data-problems="${String(links.problems.length)}">${
    links.problems.length === 0
      ? html`<p class="links-ok">All ${String(links.checked)} links and images are absolute and well formed.</p>`
      : html`<p class="links-bad">${String(links.problems.length)} of ${String(links.checked)} links or images would not work:</p>
<ul>${links.problems.map((p) => html`<li class="links-bad"><code>${p.url}</code> (${p.label || "no text"}): ${p.problem}</li>`)}</ul>`
  }</div>
</div>`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
