// What the enrich stage asks of the store, in its own terms: the store implements this port and
// maps its rows (snake_case, JSON columns) at its boundary.

/** The feed an article came from, as the summarizer needs it. */
export interface FeedOfArticle {
  url: string;
  /** The operator's name for the feed (config `feeds[].name`). */
  name: string | null;
  /** The feed's own title. */
  title: string | null;
  siteUrl: string | null;
  /** Tags the operator gave the feed in config. */
  tags: string[];
  /** Distinct authors among the feed's articles (1: maybe a personal blog). */
  authorCount: number;
}

/** An article as the summarizer gets it, with its feed. */
export interface ArticleToEnrich {
  id: number;
  feedId: number;
  url: string;
  title: string;
  author: string | null;
  contentHtml: string;
  contentText: string;
  /** The categories the feed gave the item. */
  categories: string[];
  contentHash: string;
  feed: FeedOfArticle;
  /** Set on a worker's claim: the claim's token, which releaseEnrichment takes. */
  enrichLeaseUntil: string | null;
}

/** One enrichment to store: identity article × content hash × summarizer. */
export interface EnrichmentToSave {
  articleId: number;
  contentHash: string;
  summarizer: string;
  summary: string;
  why: string;
  tags: string[];
  category: string;
  readMinutes: number;
  createdAt: Date;
  /** How the summary and why were chosen (e.g. "thesis+outcome"). */
  method?: string | null;
  /** 0–1: how sure the summarizer is of the entry. */
  confidence?: number | null;
  /** The article's sentences each field came from. */
  sources?: { summary: string[]; why: string[] } | null;
}

/** The store as the enrich stage uses it. */
export interface EnrichmentStore {
  /** Articles dated on or after `since` with no enrichment by `summarizer` for their content. */
  needingEnrichment(summarizer: string, since: Date): Promise<ArticleToEnrich[]>;
  /** Articles to summarize again whatever they have (`enrich --force`): one, or all since a date. */
  articlesToEnrichAgain(
    options: { articleId: number } | { since: Date },
  ): Promise<ArticleToEnrich[]>;
  saveEnrichment(enrichment: EnrichmentToSave): Promise<void>;
  /** The language detected at enrich time (ISO 639-1), or null when undecided. */
  setLanguage(articleId: number, language: string | null): Promise<void>;
}

/** A worker's claims on articles to enrich (leases, safe against concurrent claimers). */
export interface EnrichmentClaims {
  /**
   * Claims up to `limit` articles needing enrichment whose lease is free or passed, until
   * now + leaseMs; each comes with its `enrichLeaseUntil`.
   */
  claimForEnrichment(
    summarizer: string,
    since: Date,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<ArticleToEnrich[]>;
  /** Gives up the claims taken with this lease (the lease time is the claim's token). */
  releaseEnrichment(articleIds: readonly number[], leaseUntil: string): Promise<void>;
}
