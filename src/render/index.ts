export type { IssueView } from "./build-view.js";
export { checkTheme } from "./check-theme.js";
export { compileMjml } from "./compile-mjml.js";
export { loadTemplates, type RenderTemplate, type Theme } from "./load-templates.js";
export { renderIssue } from "./render-issue.js";
export { formatDateRange } from "./theme-helpers.js";
export type {
  ArticleModel,
  CompiledIssue,
  IssueModel,
  Recipient,
  RenderedMessage,
  RenderOptions,
} from "./types.js";
