/** Everything a template may show: plain data, never template source. */
export interface IssueModel {
  newsletter: {
    name: string;
    baseUrl: string;
    language: string;
    postalAddress: string;
    /** An http(s) image shown in the header, with the newsletter's name as its alt text. */
    logoUrl?: string;
  };
  list: {
    id: string;
    name: string;
    /** The list's name is the newsletter's: the templates say it once. */
    namedAsNewsletter?: boolean;
    description?: string;
    /** Articles shown in sections under a heading per category. */
    groupByCategory?: boolean;
    /** The "In this issue" overview above the cards (default: shown). */
    overview?: boolean;
  };
  issue: {
    number: number;
    /** The period the issue covers; `periodEnd` is the issue's date. */
    periodStart: Date;
    periodEnd: Date;
    /** The public web version of this issue. */
    webUrl: string;
    /** The editor's words above the articles (plain text; blank lines separate paragraphs). */
    intro?: string;
  };
  /** The cards, in issue order. */
  articles: ArticleModel[];
  /** Title-only and unsummarized articles: a compact list at the end ("Also published"). */
  alsoPublished?: LinkModel[];
}

/** An article shown as a line: its source, title and link. */
export interface LinkModel {
  title: string;
  url: string;
  source: string;
  publishedAt?: Date;
}

export interface ArticleModel {
  id: number;
  title: string;
  url: string;
  /** The feed's display name (config name, else the feed's title, else its host). */
  source: string;
  /** The feed's logo (http(s)), shown next to the source name. */
  sourceLogoUrl?: string;
  publishedAt?: Date;
  category: string;
  readMinutes: number;
  summary: string;
  why: string;
  tags: string[];
  /** How sure the summarizer was of the entry (0–1) and how it chose it; the preview marks low ones. */
  confidence?: number;
  method?: string;
  /** The article URL with a text fragment to the passage the summary / why came from. */
  summaryUrl?: string;
  whyUrl?: string;
  /** Other feeds' articles on the same story ("Also covered by"). */
  alsoCoveredBy?: LinkModel[];
}

/** What varies per subscriber: filled into the compiled issue, never compiled per subscriber. */
export interface Recipient {
  email: string;
  name?: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** How an issue was fitted into the HTML size budget. */
export interface SizeReport {
  /** The budget, in bytes of HTML. */
  maxHtmlBytes: number;
  /** Bytes of the email's HTML filled with the longest plausible recipient fields. */
  htmlBytes: number;
  /** Articles shown in full in the email. */
  shown: number;
  /** Articles moved into the "and N more articles" section (0 when everything fit). */
  trimmed: number;
}

/** An issue rendered once: subject, HTML and text split at the per-recipient fields. */
export interface CompiledIssue {
  subject: string;
  size: SizeReport;
  /** Joins the parts with one subscriber's values; string joins only, no template runs. */
  fill(recipient: Recipient): RenderedMessage;
  /** The public archive page, every article in full: no personal data, generic links. */
  webVersion(): { html: string; text: string };
}

export interface RenderOptions {
  /** The theme folder: `issue.mjml`, `issue.txt.hbs` and `partials/`. */
  templatesDir: string;
  /** Handlebars source of the subject line, e.g. `{{newsletter.name}} #{{issue.number}}`. */
  subjectTemplate: string;
  /** HTML size budget per email (default 90 KiB): Gmail clips a message past 102 KB. */
  maxHtmlBytes?: number;
}
