import { MAX_CHARS } from "../enrich/max-chars.js";
import { GazetteError } from "../shared/errors.js";
import type { ArticleEdit, EditorReview, ReviewedIssue } from "./ports.js";

export type { ArticleEdit, EditorReview, ReviewedIssue } from "./ports.js";

/**
 * The editor's review, one owner for the CLI (`gazette issue …`, `gazette article …`) and the
 * preview's forms: what may be changed, and how. The draft rule: an issue's intro, order and
 * approval change only while it is a draft — once its send has started, what went out must
 * stay what the archive and the ledger say.
 */

/** The review's view of the store. */
export interface ReviewStore {
  readonly editorReview: EditorReview;
}

type Action = "approved" | "discarded" | "reordered" | "given an intro";

/** Throws USAGE unless the issue is still a draft. */
export function assertDraft(issue: Pick<ReviewedIssue, "number" | "status">, action: Action): void {
  if (issue.status !== "draft") {
    throw new GazetteError(
      "USAGE",
      `issue #${issue.number} is ${issue.status}; only a draft can be ${action}`,
    );
  }
}

export async function approveIssue(
  store: ReviewStore,
  issue: ReviewedIssue,
  now: Date,
): Promise<void> {
  assertDraft(issue, "approved");
  await store.editorReview.approve(issue.id, now);
}

export async function discardIssue(store: ReviewStore, issue: ReviewedIssue): Promise<void> {
  assertDraft(issue, "discarded");
  // The store checks again inside its transaction: a send may start in between.
  await store.editorReview.discard(issue.id);
}

/** Writes the issue's intro; blank clears it (the list's intro shows again). Returns the kept text. */
export async function setIntro(
  store: ReviewStore,
  issue: ReviewedIssue,
  text: string,
): Promise<string | null> {
  assertDraft(issue, "given an intro");
  const intro = text.trim() === "" ? null : text.trim();
  await store.editorReview.setIntro(issue.id, intro);
  return intro;
}

/** Puts the issue's articles in the order of `ids` ("12, 7, 9"): each of its articles once. */
export async function reorderIssue(
  store: ReviewStore,
  issue: ReviewedIssue,
  ids: string,
): Promise<void> {
  assertDraft(issue, "reordered");
  const order = ids.split(",").map((id) => Number(id.trim()));
  if (ids.trim() === "" || order.some((id) => !Number.isInteger(id)))
    throw new GazetteError("USAGE", `"${ids}" is not a comma-separated list of article ids`);
  await store.editorReview.reorder(issue.id, order);
}

/**
 * An editor's correction of an article's summary, why or tags; `""` clears a field back to the
 * enrichment's, `undefined` leaves it alone. Texts are checked against the email's limit.
 */
export function articleEdit(fields: {
  summary?: string;
  why?: string;
  tags?: string;
}): ArticleEdit {
  const input: ArticleEdit = {};
  for (const field of ["summary", "why"] as const) {
    const value = fields[field]?.trim();
    if (value === undefined) continue;
    if (value.length > MAX_CHARS) {
      throw new GazetteError(
        "USAGE",
        `${field}: ${value.length} characters; at most ${MAX_CHARS} fit the email`,
      );
    }
    input[field] = value === "" ? null : value;
  }
  if (fields.tags !== undefined) {
    const tags = fields.tags
      .split(",")
      .map((tag) => tag.trim().toLowerCase())
      .filter((tag) => tag !== "");
    const bad = tags.find((tag) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tag));
    if (bad !== undefined) throw new GazetteError("USAGE", `tags: "${bad}" is not kebab-case`);
    input.tags = fields.tags.trim() === "" ? null : tags;
  }
  return input;
}

/** Saves an edit (see articleEdit); an empty one changes nothing. */
export async function editArticle(
  store: ReviewStore,
  articleId: number,
  input: ArticleEdit,
  now: Date,
): Promise<void> {
  if (Object.keys(input).length > 0) await store.editorReview.editArticle(articleId, input, now);
}

/** Keeps an article out of every issue not yet sent (or lets it back in). */
export async function dropArticle(
  store: ReviewStore,
  articleId: number,
  isDropped: boolean,
  now: Date,
): Promise<void> {
  await store.editorReview.setDropped(articleId, isDropped, now);
}
