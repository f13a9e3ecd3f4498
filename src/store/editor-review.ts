import type { EditorReview } from "../review/ports.js";
import type { IssueReviewRepo } from "./issue-review.js";
import type { OverrideRepo } from "./overrides.js";

/** The review's port: the issue's approval, intro and order, and the editor's article overrides. */
export function createEditorReview(review: IssueReviewRepo, overrides: OverrideRepo): EditorReview {
  return {
    approve: (...args) => review.approve(...args),
    discard: (...args) => review.discard(...args),
    setIntro: (...args) => review.setIntro(...args),
    reorder: (...args) => review.reorder(...args),
    editArticle: (...args) => overrides.edit(...args),
    setDropped: (...args) => overrides.setDropped(...args),
  };
}
