import { describe, expect, it } from "vitest";
import {
  type ChooseOptions,
  type ComposeCandidate,
  chooseIssue,
} from "../../src/compose/choose-issue.js";
import { isSameStory } from "../../src/compose/is-same-story.js";
import { shareFairly } from "../../src/compose/share-fairly.js";
import { signatureOf } from "../../src/compose/story-signature.js";
import { STORY_PAIRS } from "./story-pairs.js";

const NOW = Date.parse("2026-12-07T09:00:00Z");

/** A summarized, confident candidate with a text of its own; tests name what matters. */
function article(
  id: number,
  feedId: number,
  overrides: Partial<ComposeCandidate> = {},
): ComposeCandidate {
  return {
    id,
    feedId,
    title: `Post ${id} on subject ${id * 7919}`,
    text: `Article ${id} explains subject ${id * 7919} in its own words, step ${id} by step ${id + 1}, with numbers ${id * 31} and ${id * 97}.`,
    topics: [],
    language: "en",
    hasSummary: true,
    confidence: 0.8,
    method: "lead+outcome",
    hasWhy: true,
    readMinutes: 3,
    date: NOW - id * 3_600_000,
    ...overrides,
  };
}

const LIST: ChooseOptions = {
  filters: { include: [], exclude: [], categories: [] },
  maxArticles: 10,
  maxAlsoPublished: 10,
};

/** Feed ids of the cards, in issue order. */
function feedsOf(choice: { cards: number[] }, candidates: ComposeCandidate[]): number[] {
  return choice.cards.map((id) => candidates.find((c) => c.id === id)?.feedId ?? -1);
}

function count(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

// One prolific feed (1: 30 posts) against six quiet ones (2–7: two posts each).
const PROLIFIC = [
  ...Array.from({ length: 30 }, (_, i) => article(i + 1, 1, { date: NOW - i * 60_000 })),
  ...[2, 3, 4, 5, 6, 7].flatMap((feed) => [
    article(100 + feed * 2, feed),
    article(101 + feed * 2, feed),
  ]),
];

describe("chooseIssue: balance across feeds", () => {
  it.each([
    [
      "one prolific feed against six quiet ones: every feed in, the prolific one fills the rest",
      PROLIFIC,
      { ...LIST, maxArticles: 30 },
      { 1: 18, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2 },
    ],
    [
      "an issue of 10 from seven feeds: nobody past the fair share of 2",
      PROLIFIC,
      LIST,
      { 1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1 },
    ],
    [
      "all feeds quiet but one: it takes every place",
      Array.from({ length: 12 }, (_, i) => article(i + 1, 1)),
      LIST,
      { 1: 10 },
    ],
    [
      "maxPerFeed caps a feed even when the others run out",
      [...Array.from({ length: 12 }, (_, i) => article(i + 1, 1)), article(50, 2)],
      { ...LIST, maxPerFeed: 3 },
      { 1: 3, 2: 1 },
    ],
    [
      "maxPerSource, the old name, still caps",
      [...Array.from({ length: 12 }, (_, i) => article(i + 1, 1)), article(50, 2)],
      { ...LIST, maxPerSource: 4 },
      { 1: 4, 2: 1 },
    ],
  ])("%s", (_name, candidates, list, expected) => {
    expect(count(feedsOf(chooseIssue(candidates, list), candidates))).toEqual(expected);
  });

  it("interleaves the feeds, each feed's best first, feeds in the order of their best", () => {
    const candidates = [article(1, 1), article(2, 1), article(3, 2), article(4, 2), article(5, 3)];
    expect(chooseIssue(candidates, LIST).cards).toEqual([1, 3, 5, 2, 4]);
  });
});

describe("chooseIssue: substance first", () => {
  const titleOnly = (id: number, feedId: number) =>
    article(id, feedId, { text: "", hasSummary: false, confidence: null, date: NOW - id });
  it.each([
    [
      "a title-only flood never takes a card nor pushes one out",
      [
        ...Array.from({ length: 40 }, (_, i) => titleOnly(i + 1, 9)),
        article(100, 1),
        article(101, 2),
      ],
      { ...LIST, maxAlsoPublished: 5 },
      { cards: [100, 101], alsoPublished: [1, 2, 3, 4, 5] },
    ],
    [
      "an article with text but no summary goes to Also published",
      [article(1, 1, { hasSummary: false }), article(2, 2)],
      LIST,
      { cards: [2], alsoPublished: [1] },
    ],
    [
      "a feed's unsure entry comes after its confident one, the newer included",
      [
        article(1, 1, { confidence: 0.2 }),
        article(2, 1, { confidence: 0.9 }),
        article(3, 2, { confidence: 0.7 }),
      ],
      { ...LIST, maxArticles: 3 },
      { cards: [2, 3, 1], alsoPublished: [] },
    ],
    [
      "the surest story leads, even when older; a hair of confidence does not beat freshness",
      [
        article(1, 1, { confidence: 0.6 }),
        article(2, 2, { confidence: 0.62 }),
        article(3, 3, { confidence: 0.9, date: NOW - 5 * 86_400_000 }),
      ],
      LIST,
      { cards: [3, 1, 2] },
    ],
    [
      "maxAlsoPublished 0 turns the list off",
      [titleOnly(1, 1), article(2, 2)],
      { ...LIST, maxAlsoPublished: 0 },
      { cards: [2], alsoPublished: [] },
    ],
  ])("%s", (_name, candidates, list, expected) => {
    expect(chooseIssue(candidates, list)).toMatchObject(expected);
  });
});

describe("chooseIssue: the issue leads with its best articles", () => {
  // A deep article: eight minutes of text, a measured outcome for its why.
  const deep = { readMinutes: 8, method: "action+outcome", hasWhy: true };
  // A two-minute note with no why.
  const note = { readMinutes: 2, method: "thesis+none", hasWhy: false };
  it.each([
    [
      "a feed's share goes to its article of most substance, not to its newest",
      [
        article(1, 1, { ...note, date: NOW }),
        article(2, 1, { ...deep, date: NOW - 5 * 86_400_000 }),
        article(3, 2),
      ],
      { ...LIST, maxArticles: 2 },
      [2, 3],
    ],
    [
      "the strongest article leads, and its feed takes the first turn, though it is older",
      [article(1, 1, { ...note, date: NOW }), article(2, 2, { ...deep, date: NOW - 86_400_000 })],
      LIST,
      [2, 1],
    ],
    [
      // The overview shows the first cards: one feed's two deep posts would crowd out the others.
      "the first cards are the best of as many feeds, feeds in the order of their best",
      [
        article(1, 1, deep),
        article(2, 1, deep),
        article(3, 2, note),
        article(4, 2, note),
        article(5, 3, note),
      ],
      { ...LIST, maxArticles: 5 },
      [1, 3, 5, 2, 4],
    ],
    [
      "length counts up to five minutes: past that, the surer summary wins",
      [
        article(1, 1, { ...deep, readMinutes: 20, confidence: 0.6 }),
        article(2, 2, { ...deep, readMinutes: 5, confidence: 0.8, date: NOW - 86_400_000 }),
      ],
      LIST,
      [2, 1],
    ],
    [
      "an unsure entry still comes after a confident one, whatever its substance",
      [article(1, 1, { ...deep, confidence: 0.4 }), article(2, 2, note)],
      LIST,
      [2, 1],
    ],
    [
      // Excerpt-only or other-language feeds are often unsure throughout: not always last.
      "a feed of unsure entries takes its turn in each round, after the confident feeds",
      [
        article(1, 1, deep),
        article(2, 1, note),
        article(3, 2, deep),
        article(4, 2, note),
        article(5, 3, { ...deep, confidence: 0.4 }),
        article(6, 3, { ...note, confidence: 0.4 }),
      ],
      { ...LIST, maxArticles: 6 },
      [1, 3, 5, 2, 4, 6],
    ],
  ])("%s", (_name, candidates, list, cards) => {
    expect(chooseIssue(candidates, list).cards).toEqual(cards);
  });

  // Brief posts of each kind, newer and surer than their feed's ordinary article.
  const ordinary = {
    title: "How we cut our build times",
    readMinutes: 2,
    method: "lead+none",
    hasWhy: false,
    confidence: 0.6,
    date: NOW - 86_400_000,
  };
  it.each([
    [
      "an event notice",
      {
        title: "Developers' Brown Bag",
        text: "You are invited to join the database team on Tuesday, January 20 at 9am PST for the first of our monthly webinars. Register by email.",
        readMinutes: 1,
      },
    ],
    [
      "slides",
      {
        title: "RubyConf Slides",
        text: "Here are the slides from my talk. Enjoy!",
        readMinutes: 1,
      },
    ],
    [
      "a round-up of links",
      {
        title: "Links - Wednesday, January 7, 2009",
        text: "Here is a glimpse at some of the interesting things in my inbox.",
        readMinutes: 4,
        method: "lead+benefit",
        hasWhy: true,
      },
    ],
    [
      "a podcast episode's page, however long its transcript",
      {
        title: "The Briefing: Episode 27: Who is it made for?",
        text: "Join our host as she explores this question in this episode of the podcast.\n\nTranscript\n\n[00:00:00] Hello everyone…",
        readMinutes: 6,
      },
    ],
    [
      "a short note that a version is out",
      { title: "v0.99.1", text: "Fix server regression for multihost sites.", readMinutes: 1 },
    ],
    [
      "a pre-release's call for testers",
      {
        title: "Frobnicator 5.9 Beta 1",
        text: "Frobnicator 5.9 Beta 1 is now available for testing! It brings the new editor.",
        readMinutes: 4,
        method: "lead+outcome",
        hasWhy: true,
      },
    ],
  ])("%s takes its feed's card only after the feed's articles", (_name, brief) => {
    const candidates = [
      article(1, 1, { method: "thesis+none", hasWhy: false, confidence: 0.9, ...brief }),
      article(2, 1, ordinary),
      article(3, 2),
    ];
    expect(chooseIssue(candidates, { ...LIST, maxArticles: 2 }).cards).toContain(2);
  });

  it("keeps the fair share: a feed of deep articles takes no more than its turn", () => {
    const candidates = PROLIFIC.map((a) =>
      a.feedId === 1 ? { ...a, ...deep } : { ...a, ...note },
    );
    expect(count(feedsOf(chooseIssue(candidates, LIST), candidates))).toEqual({
      1: 2,
      2: 2,
      3: 2,
      4: 1,
      5: 1,
      6: 1,
      7: 1,
    });
  });
});

describe("chooseIssue: one story once", () => {
  const pair = (i: number) => {
    const found = STORY_PAIRS[i];
    if (!found) throw new Error(`no story pair ${i}`);
    return found;
  };
  const crossPost = pair(0);
  const republished = pair(1);
  const launch = pair(2);
  const sameSubject = pair(4);
  const told = (id: number, feedId: number, story: { title: string; text: string }, more = {}) =>
    article(id, feedId, { ...story, ...more });
  it.each([
    [
      "a cross-post in another feed is one card with an Also covered by",
      [told(1, 1, crossPost.a), told(2, 2, crossPost.b), article(3, 3)],
      [],
      { cards: [1, 3], merged: [{ articleId: 2, storyOf: 1 }], repeats: [] },
    ],
    [
      "the card goes to the entry with the better summary",
      [told(1, 1, launch.a, { confidence: 0.2 }), told(2, 2, launch.b, { confidence: 0.9 })],
      [],
      { cards: [2], merged: [{ articleId: 1, storyOf: 2 }] },
    ],
    [
      "a story sent in an earlier issue is not sent again as new",
      [told(1, 1, republished.b), article(2, 2)],
      [{ id: 77, feedId: 1, ...republished.a }],
      { cards: [2], merged: [], repeats: [{ articleId: 1, storyOf: 77 }] },
    ],
    [
      "different stories on one subject stay apart",
      [told(1, 1, sameSubject.a), told(2, 2, sameSubject.b)],
      [],
      { cards: [1, 2], merged: [] },
    ],
  ])("%s", (_name, candidates, past, expected) => {
    expect(chooseIssue(candidates, LIST, past)).toMatchObject(expected);
  });
});

describe("chooseIssue: languages and filters", () => {
  it.each([
    ["every language by default", undefined, [1, 2, 3]],
    ["only the list's languages; unknown ones stay", ["en"], [1, 3]],
  ])("%s", (_name, languages, cards) => {
    const candidates = [
      article(1, 1),
      article(2, 2, { language: "pl" }),
      article(3, 3, { language: null }),
    ];
    const choice = chooseIssue(candidates, { ...LIST, ...(languages && { languages }) });
    expect(choice.cards).toEqual(cards);
    expect(choice.otherLanguages).toBe(3 - cards.length);
  });

  it("is deterministic: the same candidates in any order give the same issue", () => {
    const shuffled = [...PROLIFIC].reverse();
    expect(chooseIssue(shuffled, LIST)).toEqual(chooseIssue(PROLIFIC, LIST));
  });
});

describe("shareFairly", () => {
  it.each([
    [[1, 1, 1, 2], 4, undefined, [1, 2, 1, 1]],
    [[1, 1, 1, 2, 3], 3, undefined, [1, 2, 3]],
    [[1, 1, 1, 1], 3, 2, [1, 1]],
  ])("feeds %j, max %i, per feed %s → %j", (feeds, max, perFeed, expected) => {
    const ranked = feeds.map((feedId, id) => ({ id, feedId, tier: 0 }));
    expect(shareFairly(ranked, max, perFeed).map((r) => r.feedId)).toEqual(expected);
  });
});

describe("isSameStory on the written pairs", () => {
  it.each(STORY_PAIRS.map((pair) => [pair.name, pair] as const))("%s", (_name, pair) => {
    const a = signatureOf(pair.a.title, pair.a.text);
    const b = signatureOf(pair.b.title, pair.b.text);
    expect(isSameStory(a, b, false)).toBe(pair.isSameStory);
  });
});
