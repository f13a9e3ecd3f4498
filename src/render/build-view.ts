import { buildOverview, type OverviewView } from "./build-overview.js";
import { displayTitle } from "./display-title.js";
import type { RecipientSlots } from "./recipient-slots.js";
import { safeUrl } from "./safe-url.js";
import type { ArticleModel, IssueModel, LinkModel } from "./types.js";

/**
 * An article as the theme sees it: `url` is "" when the feed's link is not a safe http(s) URL;
 * `anchor` is the id of its card, which the overview links to.
 */
export type ArticleView = Omit<ArticleModel, "alsoCoveredBy"> & {
  anchor: string;
  alsoCoveredBy: LinkModel[];
};

/** A run of articles under one heading (one section without a heading when not grouped). */
export interface SectionView {
  category?: string;
  articles: ArticleView[];
}

/** One feed's lines of "Also published": its name once, then its titles. */
export interface FeedLinesView {
  source: string;
  articles: LinkModel[];
}

/** What the theme's templates see: the issue model, a few derived values, recipient tokens. */
export interface IssueView {
  newsletter: IssueModel["newsletter"];
  list: IssueModel["list"];
  issue: IssueModel["issue"] & {
    /** The first article, for the subject and the preheader. */
    lead: ArticleView | undefined;
    /** Every article of the issue, shown in full or not. */
    articleCount: number;
    /** Articles after the lead. */
    moreCount: number;
    /** `intro` split at blank lines. */
    introParagraphs: string[];
    /** The article title's heading element: h3 under category headings, else h2. */
    titleTag: "h2" | "h3";
    /** Issue #1: there is no "last issue" to speak of. */
    isFirst: boolean;
    /** The inbox preview line: the overview's highlights, else the lead's title. */
    preheader: string;
  };
  /** "In this issue"; absent when the list turns it off or the issue has under three cards. */
  overview?: OverviewView;
  /** Title-only and unsummarized articles, as lines; empty when there are none. */
  alsoPublished: LinkModel[];
  /** The same lines by feed: each feed once, in the order its first line comes, with its lines. */
  alsoPublishedByFeed: FeedLinesView[];
  /** The articles shown in full, in the order shown. */
  articles: ArticleView[];
  sections: SectionView[];
  /** The articles cut to keep the email under its size budget; absent when none was. */
  more?: { count: number; articles: ArticleView[]; unlisted: number };
  /** Tokens replaced per subscriber after rendering; see RecipientSlots. */
  recipient: { name: string; email: string; unsubscribeUrl: string; preferencesUrl: string };
}

/** At most this many cut articles are listed by title; the web version has them all. */
const MORE_LISTED = 20;

/**
 * Builds the template data of an issue showing its first `shown` articles in full (default: all).
 * Feed text stays data; titles go on one line, a bare version after its feed's name ("Hugo
 * v0.96.0"); unsafe URLs are blanked.
 */
export function buildView(model: IssueModel, slots: RecipientSlots, shown?: number): IssueView {
  const ordered = orderForDisplay(model.articles.map(toArticleView), model.list.groupByCategory);
  const inFull = ordered.slice(0, shown ?? ordered.length);
  const cut = ordered.slice(inFull.length);
  const isGrouped = model.list.groupByCategory === true;
  const overview = model.list.overview === false ? undefined : buildOverview(inFull);
  const alsoPublished = (model.alsoPublished ?? []).map(toLinkView);
  return {
    newsletter: { ...model.newsletter, logoUrl: safeUrl(model.newsletter.logoUrl) },
    list: model.list,
    issue: {
      ...model.issue,
      lead: ordered[0],
      articleCount: ordered.length,
      moreCount: Math.max(0, ordered.length - 1),
      introParagraphs: paragraphsOf(model.issue.intro),
      titleTag: isGrouped ? "h3" : "h2",
      isFirst: model.issue.number === 1,
      preheader: preheaderOf(ordered, overview),
    },
    ...(overview && { overview }),
    alsoPublished,
    alsoPublishedByFeed: groupBySource(alsoPublished),
    articles: inFull,
    sections: isGrouped ? groupByCategory(inFull) : [{ articles: inFull }],
    more:
      cut.length === 0
        ? undefined
        : {
            count: cut.length,
            articles: cut.slice(0, MORE_LISTED),
            unlisted: Math.max(0, cut.length - MORE_LISTED),
          },
    recipient: {
      name: slots.token("name"),
      email: slots.token("email"),
      unsubscribeUrl: slots.token("unsubscribeUrl"),
      preferencesUrl: slots.token("preferencesUrl"),
    },
  };
}

/** Folds runs of whitespace, line breaks included, into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function toArticleView(article: ArticleModel): ArticleView {
  const url = safeUrl(article.url) ?? "";
  const source = collapseWhitespace(article.source);
  return {
    ...article,
    anchor: `gz-article-${article.id}`,
    title: displayTitle(collapseWhitespace(article.title), source),
    source,
    category: collapseWhitespace(article.category),
    url,
    sourceLogoUrl: safeUrl(article.sourceLogoUrl),
    // A passage link only where the article's own link is safe.
    summaryUrl: url ? safeUrl(article.summaryUrl) : undefined,
    whyUrl: url ? safeUrl(article.whyUrl) : undefined,
    alsoCoveredBy: (article.alsoCoveredBy ?? []).map(toLinkView),
  };
}

function toLinkView(link: LinkModel): LinkModel {
  return {
    ...link,
    title: collapseWhitespace(link.title),
    source: collapseWhitespace(link.source),
    url: safeUrl(link.url) ?? "",
  };
}

// Inbox clients show about this much of the preview line.
const PREHEADER_LENGTH = 150;

// The highlights that fit the preview line, then how many more stories; without an overview,
// the lead's title and the count.
function preheaderOf(articles: ArticleView[], overview: OverviewView | undefined): string {
  const lead = articles[0];
  if (!lead) return "";
  const lines = overview ? overview.highlights.map((h) => h.text) : [lead.title];
  let shown = 1;
  let text = lines[0] ?? "";
  for (const line of lines.slice(1)) {
    if (text.length + 3 + line.length > PREHEADER_LENGTH) break;
    text = `${text} · ${line}`;
    shown++;
  }
  const more = articles.length - shown;
  return more > 0 ? `${text} — and ${more} more` : text;
}
// Grouped, categories come in the order of their newest article, so the lead stays first.
function orderForDisplay(articles: ArticleView[], isGrouped = false): ArticleView[] {
  return isGrouped ? groupByCategory(articles).flatMap((section) => section.articles) : articles;
}

function groupByCategory(articles: ArticleView[]): SectionView[] {
  return [...groupInOrder(articles, (article) => article.category || "Other")].map(
    ([category, articles]) => ({ category, articles }),
  );
}

// Compose interleaves the feeds (one line of each in turn); a reader scans by feed.
function groupBySource(links: LinkModel[]): FeedLinesView[] {
  return [...groupInOrder(links, (link) => link.source)].map(([source, articles]) => ({
    source,
    articles,
  }));
}

/** The items by key, each key in the order its first item comes, items in their order. */
function groupInOrder<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function paragraphsOf(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== "");
}
