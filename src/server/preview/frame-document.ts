import type { RenderedMessage } from "../../render/index.js";
import { escapeMarkup } from "../../shared/escape-markup.js";
import { forceColorScheme } from "./force-color-scheme.js";
import type { PreviewSelection } from "./preview-selection.js";

/** What the frame shows: the email as a client would, its plain-text part, or its HTML source. */
export function frameDocument(message: RenderedMessage, selection: PreviewSelection): string {
  if (selection.view === "html") return forceColorScheme(message.html, selection.scheme);
  const body = selection.view === "text" ? message.text : message.html;
  return plainDocument(body, selection.scheme);
}

/** A preformatted page in the frame, for text, source and messages. */
export function plainDocument(text: string, scheme: "light" | "dark"): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="${scheme}"></head><body><pre style="white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.45 ui-monospace,monospace;margin:12px">${escapeMarkup(text)}</pre></body></html>`;
}
