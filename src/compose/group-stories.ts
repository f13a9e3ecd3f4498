import { isSameStory } from "./is-same-story.js";
import { storyCandidates } from "./story-candidates.js";
import { type StorySignature, signatureOf } from "./story-signature.js";

/** What story grouping needs of an article. */
export interface StoryItem {
  id: number;
  feedId: number;
  title: string;
  text: string;
}

/** One story: its articles (in the order given), and the earlier issue's article it repeats. */
export interface Story<T> {
  articles: T[];
  /** An article of a recent issue of the list telling this story; undefined when it is new. */
  sentAs?: number;
}

/**
 * Groups articles that tell one story (transitively: a cross-post of a cross-post is one story)
 * and marks the stories already told by an article of a recent issue. Only the pairs that share
 * a text band or a rare title word are compared (storyCandidates): a feed flooding the pool
 * with thousands of posts costs about as many comparisons as posts, not their square. The
 * recent issues' articles, a few dozen, are compared with each.
 */
export function groupStories<T extends StoryItem>(items: T[], past: StoryItem[]): Story<T>[] {
  const signatures = items.map((item) => signatureOf(item.title, item.text));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const group of storyCandidates(signatures)) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const i = group[a] as number;
        const j = group[b] as number;
        if (root(i) === root(j)) continue;
        if (isSame(items[i], items[j], signatures[i], signatures[j])) parent[root(j)] = root(i);
      }
    }
  }
  const pastSignatures = past.map((item) => signatureOf(item.title, item.text));
  const stories = new Map<number, Story<T>>();
  for (const [i, item] of items.entries()) {
    const story = stories.get(root(i)) ?? { articles: [] };
    story.articles.push(item);
    if (story.sentAs === undefined) {
      const k = past.findIndex((old, n) => isSame(item, old, signatures[i], pastSignatures[n]));
      if (k !== -1) story.sentAs = past[k]?.id;
    }
    stories.set(root(i), story);
  }
  return [...stories.values()];
}

function isSame(
  a: StoryItem | undefined,
  b: StoryItem | undefined,
  sa: StorySignature | undefined,
  sb: StorySignature | undefined,
): boolean {
  if (!a || !b || !sa || !sb) return false;
  return isSameStory(sa, sb, a.feedId === b.feedId);
}
