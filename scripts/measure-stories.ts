// Measures near-duplicate detection: every pair of articles of the real feeds and the demo feeds
// (different stories: any "same story" found is a false positive, printed) and the written pairs
// of test/compose/story-pairs.ts. `npx tsx scripts/measure-stories.ts [FEED|DIR…]`
import path from "node:path";
import { isSameStory } from "../src/compose/is-same-story.js";
import { signatureOf } from "../src/compose/story-signature.js";
import { STORY_PAIRS } from "../test/compose/story-pairs.js";
import { collectEntries } from "./audit/collect-entries.js";
import { feedsIn } from "./audit/feeds-in.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const targets = process.argv.slice(2);
const feeds = (
  targets.length > 0
    ? targets
    : [path.join(ROOT, "../shared/conformance/real-feeds"), path.join(ROOT, "examples/feeds")]
).flatMap(feedsIn);
const { entries } = await collectEntries(feeds, { repoRoot: ROOT });
const signed = entries.map((entry) => ({
  entry,
  signature: signatureOf(entry.title, entry.articleText),
}));
let pairs = 0;
let merged = 0;
for (const [i, a] of signed.entries()) {
  for (const b of signed.slice(i + 1)) {
    pairs++;
    if (!isSameStory(a.signature, b.signature, a.entry.feed === b.entry.feed)) continue;
    merged++;
    console.log(
      `same story: ${a.entry.feed}: ${a.entry.title} | ${b.entry.feed}: ${b.entry.title}`,
    );
  }
}
console.log(`${entries.length} articles, ${pairs} pairs, ${merged} taken as one story`);
let right = 0;
for (const pair of STORY_PAIRS) {
  const found = isSameStory(
    signatureOf(pair.a.title, pair.a.text),
    signatureOf(pair.b.title, pair.b.text),
    false,
  );
  if (found === pair.isSameStory) right++;
  else console.log(`wrong: ${pair.name} (${found ? "merged" : "kept apart"})`);
}
console.log(`written pairs: ${right} of ${STORY_PAIRS.length} right`);
