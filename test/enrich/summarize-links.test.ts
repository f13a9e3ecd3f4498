import { describe, expect, it } from "vitest";
import { summarizeLinks } from "../../src/enrich/extractive/summarize-links.js";
import { createExtractiveSummarizer } from "../../src/enrich/index.js";

const ACME = { name: "Acme Cloud", isPersonal: false };

// One paragraph per item, each linking what it tells of; every item also links the publisher's
// own product and the platform they share (Acme Queue, EC2).
const LINKS_HTML = [
  "<p>As usual, I have plenty to blog about. Here is a glimpse at my inbox.</p>",
  '<p>On Thursday, <a href="https://a.example">Information Weekly</a> will present a webcast on how <a href="https://b.example">Eli Lilly</a> uses <a href="https://ec2.example">EC2</a>. Eli Lilly will present too; <a href="https://r.example">preregister</a>.</p>',
  '<p>Users of <a href="https://q.example">Acme Queue</a> can join <a href="https://c.example">rPath</a> tech events on alternate <a href="https://d.example">Tuesdays</a>.</p>',
  '<p><a href="https://e.example">Content Workspace</a> built a scanning service on <a href="https://ec2.example">EC2</a>; read more <a href="https://f.example">here</a>.</p>',
  '<p>Chris created <a href="https://g.example">Cloud Foundry</a> to deploy Java apps on <a href="https://ec2.example">EC2</a>. Watch the Cloud Foundry screencast.</p>',
  "<p>And that's it for today.</p>",
].join("\n");

// A post of links was summarized by its first item's sentence ("On Thursday, January 8th,
// Information Week and Amazon will present a Webcast titled…"), as if the post were that news.
describe("summarizeLinks", () => {
  it("names the items by the link each paragraph repeats, never the publisher's or a shared one", () => {
    expect(summarizeLinks(LINKS_HTML, ACME, 300)).toEqual({
      text: "Acme Cloud's round-up of links covers Eli Lilly, rPath, Content Workspace and Cloud Foundry.",
      sources: ["Eli Lilly", "rPath", "Content Workspace", "Cloud Foundry"],
    });
  });

  // A paragraph ended only at the tags of a shorter list: items parted by <hr> were one.
  it("reads items parted by rules or set in a table's header cells as paragraphs", () => {
    const items = LINKS_HTML.replace(/<\/?p>/g, "").split("\n");
    const ruled = items.join("<hr>");
    const table = `<table>${items.map((item) => `<tr><th>${item}</th></tr>`).join("")}</table>`;
    for (const html of [ruled, table]) {
      expect(summarizeLinks(html, ACME, 300)?.sources).toEqual([
        "Eli Lilly",
        "rPath",
        "Content Workspace",
        "Cloud Foundry",
      ]);
    }
  });

  it("counts the items it has no room to name", () => {
    expect(summarizeLinks(LINKS_HTML, ACME, 90)?.text).toBe(
      "Acme Cloud's round-up of links covers Eli Lilly, rPath, Content Workspace and 1 more.",
    );
  });

  it("gives nothing without HTML or with fewer than three named items", () => {
    expect(summarizeLinks(undefined, ACME, 300)).toBeUndefined();
    const two = LINKS_HTML.split("\n").slice(0, 3).join("\n");
    expect(summarizeLinks(two, ACME, 300)).toBeUndefined();
  });

  it("is the summary of a post whose title names it a list of links, with no why", async () => {
    const result = await createExtractiveSummarizer().summarize({
      title: "Acme Links - Wednesday, January 7, 2009",
      text: LINKS_HTML.replace(/<[^>]+>/g, ""),
      html: LINKS_HTML,
      source: { name: "Acme Cloud Blog" },
    });
    expect(result.summary).toBe(
      "Acme Cloud's round-up of links covers Eli Lilly, rPath, Content Workspace and Cloud Foundry.",
    );
    expect(result.why).toBe("");
    expect(result.method).toBe("links+none");
  });
});
