import { describe, expect, it } from "vitest";
import { readBlocks } from "../../src/enrich/extractive/read-blocks.js";

// Issue 15, point 1: the article's structure, read from its HTML before it is flattened.
describe("readBlocks", () => {
  it.each([
    ["<h2>Results</h2>", "heading", "Results"],
    ["<p><strong>What we changed</strong></p>", "heading", "What we changed"],
    [
      "<figure><img src='https://x.example/a.png'><figcaption>Figure 5: 100% System CPU</figcaption></figure>",
      "caption",
      "Figure 5: 100% System CPU",
    ],
    [
      "<blockquote><p>BPF is an in-kernel execution engine.</p></blockquote>",
      "quote",
      "BPF is an in-kernel execution engine.",
    ],
    ['<pre>{{ $colors := slice "orange" }}</pre>', "code", '{{ $colors := slice "orange" }}'],
    [
      "<ul><li>Backfill existing rows in batches.</li></ul>",
      "list-item",
      "Backfill existing rows in batches.",
    ],
    [
      "<p><em>Editor's note: this post was updated in May.</em></p>",
      "note",
      "Editor's note: this post was updated in May.",
    ],
    ["<table><tr><td>p99</td><td>480 ms</td></tr></table>", "table", "p99"],
    [
      "<p>Latency fell by 38%, thanks to DCAT cross-attention).<sup>2</sup> It held.</p>",
      "prose",
      "Latency fell by 38%, thanks to DCAT cross-attention). It held.",
    ],
    [
      "<p>Costs fell &amp; latency too, from 10<sup>6</sup> requests.</p>",
      "prose",
      "Costs fell & latency too, from 10 requests.",
    ],
    [
      "<p>Speed grew as x<sup>squared</sup> over time.</p>",
      "prose",
      "Speed grew as xsquared over time.",
    ],
  ])("%s → %s", (html, kind, text) => {
    const [first] = readBlocks({ text: "", html });
    expect(first).toEqual({ kind, text });
  });

  it("splits a run-in heading off its paragraph; a bold claim or a bold paragraph stays prose", () => {
    const blocks = (html: string) => readBlocks({ text: "", html });
    expect(
      blocks(
        "<p><strong>Vertical merging of content mounts.</strong> The main topic of this release is file mounts.</p>",
      ),
    ).toEqual([
      { kind: "heading", text: "Vertical merging of content mounts." },
      { kind: "prose", text: "The main topic of this release is file mounts." },
    ]);
    expect(
      blocks(
        "<p><strong>Kevin Wylie is a Data Engineer.</strong> In this post, Kevin talks about his work.</p>",
      ),
    ).toEqual([
      {
        kind: "prose",
        text: "Kevin Wylie is a Data Engineer. In this post, Kevin talks about his work.",
      },
    ]);
    expect(blocks("<p><strong>Deploys are safe again.</strong></p>")).toEqual([
      { kind: "prose", text: "Deploys are safe again." },
    ]);
  });

  it("makes a paragraph under a NOTE: label a note, never the article's own claim", () => {
    expect(
      readBlocks({
        text: "",
        html: "<p><strong>NOTE:</strong> We seem to have introduced an issue with /static in this release.</p>",
      }),
    ).toEqual([
      {
        kind: "note",
        text: "NOTE: We seem to have introduced an issue with /static in this release.",
      },
    ]);
  });

  it("reads plain text when there is no markup: paragraphs, lists and quotes", () => {
    const text =
      "We moved the queue.\n\n- Add a column.\n- Backfill it.\n\n> Someone else's words.";
    expect(readBlocks({ text })).toEqual([
      { kind: "prose", text: "We moved the queue." },
      { kind: "list-item", text: "- Add a column." },
      { kind: "list-item", text: "- Backfill it." },
      { kind: "quote", text: "Someone else's words." },
    ]);
  });
});
