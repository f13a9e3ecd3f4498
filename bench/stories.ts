// Story grouping over a full candidate pool: `npm run bench:stories [--articles N]`.
// Compose groups an issue's candidates into stories (cross-posts, one launch covered by two
// blogs). The pool holds up to 5,000 articles (more when a list has over 25 flooding feeds), so
// grouping compares only the pairs that share a text band or a rare title word. The comparison,
// in the same run: every pair compared, as before, which must find the same stories.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { groupStories, type StoryItem } from "../src/compose/group-stories.js";
import { isSameStory } from "../src/compose/is-same-story.js";
import { signatureOf } from "../src/compose/story-signature.js";
import { seededRandom } from "../test/helpers/seeded-random.js";

const { values } = parseArgs({ options: { articles: { type: "string", default: "5000" } } });
const ARTICLES = Number(values.articles);

/**
 * Posts of 40 feeds, 300 words each from an 8,000-word vocabulary whose frequencies fall off as
 * a language's do; one in ten is a cross-post of an earlier one with a fifth of its words edited.
 */
function candidates(count: number): StoryItem[] {
  const next = seededRandom(42);
  const word = () => `w${Math.floor(8000 * next() ** 3)}`;
  const items: StoryItem[] = [];
  for (let id = 0; id < count; id++) {
    const feedId = Math.floor(next() * 40);
    const original = id > 0 && next() < 0.1 ? items[Math.floor(next() * id)] : undefined;
    const text = original
      ? original.text
          .split(" ")
          .map((w) => (next() < 0.05 ? word() : w))
          .join(" ")
      : Array.from({ length: 300 }, word).join(" ");
    const title = original?.title ?? Array.from({ length: 7 }, word).join(" ");
    items.push({ id, feedId, title, text });
  }
  return items;
}

/** Every pair compared: what grouping did before it compared only the candidate pairs. */
function everyPair(items: StoryItem[]): number {
  const signatures = items.map((item) => signatureOf(item.title, item.text));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i] as number));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      if (root(i) === root(j)) continue;
      const [a, b] = [signatures[i], signatures[j]];
      if (a && b && isSameStory(a, b, items[i]?.feedId === items[j]?.feedId))
        parent[root(j)] = root(i);
    }
  return new Set(items.map((_, i) => root(i))).size;
}

const items = candidates(ARTICLES);
let start = performance.now();
const stories = groupStories(items, []).length;
const grouped = performance.now() - start;
start = performance.now();
const reference = everyPair(items);
const allPairs = performance.now() - start;
console.log(`${ARTICLES} candidates, ${stories} stories (every pair compared: ${reference})`);
console.log(`groupStories      ${grouped.toFixed(0).padStart(6)} ms`);
console.log(
  `every pair        ${allPairs.toFixed(0).padStart(6)} ms  (${(allPairs / grouped).toFixed(1)} × slower)`,
);
if (stories !== reference) {
  console.error("bench:stories: the two ways found different stories");
  process.exitCode = 1;
}
