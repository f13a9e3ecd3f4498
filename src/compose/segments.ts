/** Subscribers who want the same topics; each segment's issue is rendered once. */
export interface Segment {
  /** "all" for the whole issue, else the topics joined, lowercased and sorted. */
  key: string;
  /** null: every topic. */
  topics: string[] | null;
  emails: string[];
}

/** The segment key of a topic choice: the same set of topics, in any order or case, one key. */
export function segmentKey(topics: readonly string[] | null): string {
  if (!topics || topics.length === 0) return "all";
  return [...new Set(topics.map((t) => t.toLowerCase()))].sort().join("|");
}

/** Groups members by their topic choice. */
export function groupSegments(
  members: readonly { email: string; topics: string[] | null }[],
): Segment[] {
  const segments = new Map<string, Segment>();
  for (const member of members) {
    const key = segmentKey(member.topics);
    const segment = segments.get(key) ?? {
      key,
      topics: key === "all" ? null : key.split("|"),
      emails: [],
    };
    segment.emails.push(member.email);
    segments.set(key, segment);
  }
  return [...segments.values()];
}

/** What a subscriber whose topics match none of an issue's articles gets (`lists[].topicFallback`). */
export type TopicFallback = "none" | "full";

/**
 * The articles of a segment: those whose category or tags meet its topics, in issue order. When
 * none do: nothing (`none`, the default: the subscriber gets no email for this issue, and the
 * delivery says why), or the whole issue (`full`).
 */
export function articlesForTopics<T extends { category: string; tags: string[] }>(
  articles: T[],
  topics: readonly string[] | null,
  fallback: TopicFallback = "none",
): T[] {
  if (!topics || topics.length === 0) return articles;
  const wanted = new Set(topics.map((t) => t.toLowerCase()));
  const chosen = articles.filter(
    (article) =>
      wanted.has(article.category.toLowerCase()) ||
      article.tags.some((tag) => wanted.has(tag.toLowerCase())),
  );
  return chosen.length > 0 || fallback === "none" ? chosen : articles;
}

/** The reason recorded on the delivery of a subscriber whose topics match no article. */
export function noTopicReason(topics: readonly string[]): string {
  return `no article on their topics (${topics.join(", ")}) in this issue`;
}
