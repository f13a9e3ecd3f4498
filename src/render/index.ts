export type { IssueView } from "./build-view.js";
export { checkTheme } from "./check-theme.js";
export { compileMjml } from "./compile-mjml.js";
export { loadTemplates, type RenderTemplate, type Theme } from "./load-templates.js";
export { DEFAULT_MAX_HTML_BYTES, renderIssue } from "./render-issue.js";
export { safeUrl } from "./safe-url.js";
export { formatDateRange } from "./theme-helpers.js";
export type {
  ArticleModel,
  CompiledIssue,
  IssueModel,
  LinkModel,
  Recipient,
  RenderedMessage,
  RenderOptions,
  SizeReport,
} from "./types.js";
