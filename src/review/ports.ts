// What the editor's review asks of the store, in its own terms: the store implements this port
// (store.editorReview) and keeps its transactions inside it.

/** The issue under review: enough to apply the draft rule and name it in a refusal. */
export interface ReviewedIssue {
  id: number;
  number: number;
  status: "draft" | "sending" | "sent" | "cancelled";
}

/** An editor's correction of an article: `null` clears a field, `undefined` leaves it alone. */
export interface ArticleEdit {
  summary?: string | null;
  why?: string | null;
  tags?: string[] | null;
}

/** The review's writes. The store checks the draft rule again where a send may race it. */
export interface EditorReview {
  approve(issueId: number, now: Date): Promise<void>;
  /** Removes a draft and its articles; refuses (inside its transaction) once a send started. */
  discard(issueId: number): Promise<void>;
  setIntro(issueId: number, intro: string | null): Promise<void>;
  /** Puts the issue's articles in this order: each of its articles once. */
  reorder(issueId: number, articleIds: number[]): Promise<void>;
  /** Saves a correction; it wins over every enrichment, re-runs included. */
  editArticle(articleId: number, edit: ArticleEdit, now: Date): Promise<void>;
  /** Keeps an article out of every issue not yet sent (or lets it back in). */
  setDropped(articleId: number, isDropped: boolean, now: Date): Promise<void>;
}
