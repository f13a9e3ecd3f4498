import type { Config } from "../../config/index.js";
import type { RemoteImages } from "./preview-headers.js";

/** What the editor picked in the toolbar; every field has a default, so a bare URL works. */
export interface PreviewSelection {
  list: string;
  /** "next": the unfinished draft or the issue as it would be composed now. */
  issue: "next" | number;
  /** "sample", or `s<subscriber id>` for a real subscriber with their own links and topics. */
  reader: string;
  device: 375 | 600;
  scheme: "light" | "dark";
  view: "html" | "text" | "source";
  /** Remote images other than the configured logos: blocked unless the editor shows them. */
  images: RemoteImages;
}

/** The selection from the query string, unknown values falling back to the defaults. */
export function parseSelection(
  query: Record<string, string | undefined>,
  config: Config,
  defaults: { list?: string; issue?: number } = {},
): PreviewSelection {
  const list =
    config.lists.find((l) => l.id === query.list)?.id ?? defaults.list ?? config.lists[0]?.id ?? "";
  const issueNumber = Number(query.issue);
  const issue =
    query.issue === "next"
      ? "next"
      : Number.isInteger(issueNumber) && issueNumber > 0
        ? issueNumber
        : (defaults.issue ?? "next");
  return {
    list,
    issue,
    reader: query.reader && /^(sample|s\d+)$/.test(query.reader) ? query.reader : "sample",
    device: query.device === "375" ? 375 : 600,
    scheme: query.scheme === "dark" ? "dark" : "light",
    view: query.view === "text" || query.view === "source" ? query.view : "html",
    images: query.images === "shown" ? "shown" : "blocked",
  };
}

/** The query string of a selection, for links and redirects back to the same view. */
export function selectionQuery(selection: PreviewSelection, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    list: selection.list,
    issue: String(selection.issue),
    reader: selection.reader,
    device: String(selection.device),
    scheme: selection.scheme,
    view: selection.view,
    images: selection.images,
    ...extra,
  }).toString();
}
