import type { RecipientSlots } from "./recipient-slots.js";
import type { ArticleModel, IssueModel } from "./types.js";

/** What the theme's templates see: the issue model, a few derived values, recipient tokens. */
export interface IssueView {
  newsletter: IssueModel["newsletter"];
  list: IssueModel["list"];
  issue: IssueModel["issue"] & {
    /** The first article, for the subject and the preheader. */
    lead: ArticleModel | undefined;
    articleCount: number;
    /** Articles after the lead. */
    moreCount: number;
  };
  articles: ArticleModel[];
  /** Tokens replaced per subscriber after rendering; see RecipientSlots. */
  recipient: { name: string; email: string; unsubscribeUrl: string };
}

/** Builds the template data of an issue; feed text stays data, titles on one line. */
export function buildView(model: IssueModel, slots: RecipientSlots): IssueView {
  const articles = model.articles.map((article) => ({
    ...article,
    title: collapseWhitespace(article.title),
    source: collapseWhitespace(article.source),
  }));
  return {
    newsletter: model.newsletter,
    list: model.list,
    issue: {
      ...model.issue,
      lead: articles[0],
      articleCount: articles.length,
      moreCount: Math.max(0, articles.length - 1),
    },
    articles,
    recipient: {
      name: slots.token("name"),
      email: slots.token("email"),
      unsubscribeUrl: slots.token("unsubscribeUrl"),
    },
  };
}

/** Folds runs of whitespace, line breaks included, into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
