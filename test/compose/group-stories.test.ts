import { describe, expect, it } from "vitest";
import { groupStories, type StoryItem } from "../../src/compose/group-stories.js";
import { isSameStory } from "../../src/compose/is-same-story.js";
import { storyCandidates } from "../../src/compose/story-candidates.js";
import { signatureOf } from "../../src/compose/story-signature.js";
import { seededRandom } from "../helpers/seeded-random.js";
import { STORY_PAIRS } from "./story-pairs.js";

const WORDS = (
  "queue postgres redis latency deploy cache shard replica index vacuum kafka stream schema " +
  "migration rollout flag canary budget alert trace span metric worker cluster lease"
).split(" ");

/**
 * Articles near every rule's threshold: a few base texts, each told again with a share of its
 * words changed (cross-posts at 0–40 % edits), titles drawn from a small vocabulary with or
 * without a version number, spread over three feeds.
 */
function nearDuplicates(count: number, seed: number): StoryItem[] {
  const next = seededRandom(seed);
  const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)] as T;
  const bases = Array.from({ length: 12 }, () => Array.from({ length: 90 }, () => pick(WORDS)));
  return Array.from({ length: count }, (_, id) => {
    const edits = pick([0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4]);
    const words = pick(bases).map((word) => (next() < edits ? pick(WORDS) : word));
    const title = [
      ...Array.from({ length: 2 + Math.floor(next() * 5) }, () => pick(WORDS)),
      ...(next() < 0.4 ? [pick(["v1", "v2", "2026"])] : []),
    ];
    // A title-only item now and then: its story is told by its title alone.
    return {
      id,
      feedId: 1 + Math.floor(next() * 3),
      title: title.join(" "),
      text: next() < 0.15 ? "" : words.join(" "),
    };
  });
}

/** The stories as comparing every pair finds them: the reference the candidate groups must match. */
function everyPair(items: StoryItem[]): number[][] {
  const signatures = items.map((item) => signatureOf(item.title, item.text));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i] as number));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i] as StoryItem, items[j] as StoryItem];
      const same = isSameStory(
        signatures[i] as ReturnType<typeof signatureOf>,
        signatures[j] as ReturnType<typeof signatureOf>,
        a.feedId === b.feedId,
      );
      if (same) parent[root(j)] = root(i);
    }
  const stories = new Map<number, number[]>();
  for (const [i, item] of items.entries())
    stories.set(root(i), [...(stories.get(root(i)) ?? []), item.id]);
  return [...stories.values()];
}

describe("groupStories compares only the candidate pairs", () => {
  it.each([1, 2, 3, 4, 5])(
    "finds the stories that comparing every pair finds (near-duplicates, seed %i)",
    (seed) => {
      const items = nearDuplicates(240, seed);
      const expected = everyPair(items);
      // The generated set does hold stories of several articles, and articles standing alone.
      expect(expected.some((story) => story.length > 2)).toBe(true);
      expect(expected.some((story) => story.length === 1)).toBe(true);
      const stories = groupStories(items, []).map((story) => story.articles.map(({ id }) => id));
      expect(stories).toEqual(expected);
    },
  );

  it("puts each pair of the written same-story pairs in a candidate group", () => {
    for (const pair of STORY_PAIRS.filter(({ isSameStory }) => isSameStory)) {
      const signatures = [
        signatureOf(pair.a.title, pair.a.text),
        signatureOf(pair.b.title, pair.b.text),
      ];
      expect(storyCandidates(signatures), pair.name).toContainEqual([0, 1]);
    }
  });

  it("compares a flood of unrelated posts in about as many pairs as posts, not every pair", () => {
    const next = seededRandom(7);
    const word = () => `w${Math.floor(next() * 5000)}`;
    const flood = Array.from({ length: 3000 }, (_, n) =>
      signatureOf(
        `Post ${n}: ${word()} ${word()} ${word()}`,
        Array.from({ length: 120 }, word).join(" "),
      ),
    );
    const pairs = storyCandidates(flood).reduce(
      (sum, group) => sum + (group.length * (group.length - 1)) / 2,
      0,
    );
    expect(pairs).toBeLessThan(flood.length);
  });
});
