export { type ComposeResult, composeIssue } from "./compose-issue.js";
export { type IssuePreview, previewIssue, storedPreview } from "./preview-issue.js";
export { articlesForTopics, groupSegments, noTopicReason } from "./segments.js";
export { toIssueModel } from "./to-issue-model.js";
