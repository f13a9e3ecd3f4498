import { describe, expect, it } from "vitest";
import { highlightOf } from "../../src/render/build-overview.js";

// Issue 15: the overview's line for a long first sentence, from the real feeds' summaries.
describe("highlightOf", () => {
  it.each([
    [
      "Netflix Drive",
      "Netflix Drive relies on a data store that will be the persistent storage layer for assets, and a metadata store which will provide a relevant mapping from the file system hierarchy to the data store entities.",
      "Netflix Drive relies on a data store that will be the persistent storage layer for assets.",
    ],
    [
      "Cloud Computing and Biomedical Research Roundtable in San Diego",
      "Amazon CTO Werner Vogels will be in attendance at this unique event, where they'll discuss the emerging demands of biomedical research and how they can be met using cloud computing.",
      "Amazon CTO Werner Vogels will be in attendance at this unique event.",
    ],
    // The demo's Quarry Data post: an aside that explains ("i.e.") is where the line can end.
    [
      "Change data capture from PostgreSQL without losing sleep",
      "Quarry Data replaced nightly full-table dumps with log-based change data capture, i.e. streaming row-level changes from PostgreSQL's write-ahead log into the warehouse.",
      "Quarry Data replaced nightly full-table dumps with log-based change data capture.",
    ],
    // ", and" ends a list here, so the restrictive "that" is where the line ends.
    [
      "Introducing Netflix Timed Text Authoring Lineage",
      "Dub scripts, Audio Description, Forced Narratives, Closed Captions, and Subtitles all need to be authored in complex tools that manage the timing, location, and formatting of the text on screen.",
      "Dub scripts, Audio Description, Forced Narratives, Closed Captions, and Subtitles all need to be authored in complex tools.",
    ],
  ])("%s: ends the long sentence at a clause", (title, summary, line) => {
    expect(highlightOf({ title, summary })).toBe(line);
  });

  it("keeps a short first sentence whole", () => {
    expect(
      highlightOf({
        title: "v0.96.0",
        summary: "Hugo v0.96.0 brings vertical merging of content mounts. It also fixes a bug.",
      }),
    ).toBe("Hugo v0.96.0 brings vertical merging of content mounts.");
  });

  it("never ends a line on a verb that 'that' completes, and falls back to the title", () => {
    const summary =
      "After two quarters of measuring every build on every runner in all three regions, the team's long report on the build farm shows that the shared cache cut the median CI run from 31 minutes to 14 minutes in the end.";
    expect(highlightOf({ title: "Sharing one build cache", summary })).toBe(
      "Sharing one build cache",
    );
  });

  it("never cuts at a 'that' which points at a noun", () => {
    const summary =
      "To keep its checkout fast during the holiday peak, the payments team at Tidewater migrated that service from its old cluster onto the new autoscaling fleet in under a week.";
    expect(highlightOf({ title: "Moving payments", summary })).toBe("Moving payments");
  });

  it("falls back to the title for an empty summary", () => {
    expect(highlightOf({ title: "v0.98.0", summary: "" })).toBe("v0.98.0");
  });
});
