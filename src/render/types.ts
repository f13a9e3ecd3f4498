/** Everything a template may show: plain data, never template source. */
export interface IssueModel {
  newsletter: { name: string; baseUrl: string; language: string; postalAddress: string };
  list: { id: string; name: string; description?: string };
  issue: {
    number: number;
    /** The period the issue covers; `periodEnd` is the issue's date. */
    periodStart: Date;
    periodEnd: Date;
    /** The public web version of this issue. */
    webUrl: string;
  };
  articles: ArticleModel[];
}

export interface ArticleModel {
  id: number;
  title: string;
  url: string;
  /** The feed's display name (config name, else the feed's title, else its host). */
  source: string;
  publishedAt?: Date;
  category: string;
  readMinutes: number;
  summary: string;
  why: string;
  tags: string[];
}

/** What varies per subscriber: filled into the compiled issue, never compiled per subscriber. */
export interface Recipient {
  email: string;
  name?: string;
  unsubscribeUrl: string;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** An issue rendered once: subject, HTML and text split at the per-recipient fields. */
export interface CompiledIssue {
  subject: string;
  /** Joins the parts with one subscriber's values; string joins only, no template runs. */
  fill(recipient: Recipient): RenderedMessage;
  /** The public archive page: no personal data, a generic unsubscribe link. */
  webVersion(): { html: string; text: string };
}

export interface RenderOptions {
  /** The theme folder: `issue.mjml`, `issue.txt.hbs` and `partials/`. */
  templatesDir: string;
  /** Handlebars source of the subject line, e.g. `{{newsletter.name}} #{{issue.number}}`. */
  subjectTemplate: string;
}
