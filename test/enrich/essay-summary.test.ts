import { describe, expect, it } from "vitest";
import { createExtractiveSummarizer } from "../../src/enrich/index.js";

const summarizer = createExtractiveSummarizer();

/** The summary of a post given as HTML paragraphs, published by `source`. */
async function summaryOf(title: string, paragraphs: readonly string[], source: string) {
  const result = await summarizer.summarize({
    title,
    text: "",
    html: paragraphs.join(""),
    source: { name: source },
  });
  return result.summary;
}

// An essay or a long post: the summary says what it argues or set out to do, not a detail of
// one of its sections.
describe("the summary of an essay or a long post", () => {
  it("says the essay's opening claim as the publisher's argument, not one section's example", async () => {
    const summary = await summaryOf(
      "Solve Problems, not Strawmen",
      [
        "<p>It’s important to remember that solutions make little sense without problems, and to avoid applying solutions in a vacuum.</p>",
        "<p>Applying solutions without a driving problem has a few downsides.</p>",
        "<h2>Story format</h2>",
        "<p>Story format is one way to attack the following problems:</p>",
        "<ul><li>Mysterious business: the developer lacks the understanding of how a feature fits into the product.</li></ul>",
        "<p>The story format phrases tasks in terms that the end user cares about, with an explanation for why the user might want the task done.</p>",
        "<h2>Code review</h2>",
        "<p>Reviewing code is the process of reading a diff: comparing a new commit with what exists in the system.</p>",
      ],
      "thoughtbot",
    );
    expect(summary).toBe(
      "Thoughtbot argues that it’s important to remember that solutions make little sense without problems, and to avoid applying solutions in a vacuum.",
    );
  });

  it("says the question a podcast explores instead of pointing at it", async () => {
    const summary = await summaryOf(
      "WP Briefing: Episode 27: Is WordPress Made for Me?",
      [
        "<p>Who is WordPress actually made for? Join our host, Executive Director Josepha Haden Chomphosy, as she explores this controversial question and three things that can help find the answer.</p>",
      ],
      "WordPress News",
    );
    expect(summary).toBe(
      "Executive Director Josepha Haden Chomphosy explores the controversial question “Who is WordPress actually made for?” and three things that can help find the answer.",
    );
  });

  it("takes a long post's thesis said in the progressive over a detail of its architecture", async () => {
    const summary = await summaryOf(
      "Netflix Drive",
      [
        "<p>In this post, we are introducing Netflix Drive, a Cloud drive for media assets, and giving an overview of its interfaces.</p>",
        "<p>Studio applications produce petabytes of data backed by billions of media assets.</p>",
        "<h2>Architecture</h2>",
        "<p>Netflix Drive relies on a data store that will be the persistent storage layer for assets, and a metadata store which maps the file system hierarchy to the data store entities.</p>",
        "<p>Netflix Drive relies on FUSE to provide a POSIX files and folders interface to applications.</p>",
      ],
      "Netflix TechBlog",
    );
    // Without its clause about the post ("…, and giving an overview of its interfaces").
    expect(summary).toBe("Netflix is introducing Netflix Drive, a Cloud drive for media assets.");
  });
});
