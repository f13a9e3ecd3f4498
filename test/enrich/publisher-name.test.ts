import { describe, expect, it } from "vitest";
import {
  capitalizeNameAtStart,
  publisherName,
  spellAsWritten,
} from "../../src/enrich/publisher-name.js";

// Issue 15, point 3: a sensible publisher name from the feed's title.
describe("publisherName", () => {
  it.each([
    ["Netflix TechBlog - Medium", undefined, "Netflix"],
    ["AWS News Blog", undefined, "AWS"],
    [
      "Amazon Web Services Blog",
      "http://aws.typepad.com/aws/2009/01/post.html",
      "Amazon Web Services",
    ],
    // The repository's slug as written; spellAsWritten takes "Hugo" from the notes.
    ["Release notes from hugo", "https://github.com/gohugoio/hugo/releases/tag/v0.98.0", "hugo"],
    // A brand that writes itself in lower case keeps it.
    ["thoughtbot", "https://robots.thoughtbot.com/x", "thoughtbot"],
    ["Stories by Amelia Kusiak on Medium", undefined, "Amelia Kusiak"],
    ["Hugging Face - Blog", "https://huggingface.co/blog/x", "Hugging Face"],
    ["WordPress News", "https://wordpress.org/news/2022/04/x/", "WordPress"],
    [
      "Giant Robots Smashing Into Other Giant Robots",
      "https://robots.thoughtbot.com/avoiding-out-of-memory-crashes-on-mobile",
      "thoughtbot",
    ],
    ["Tender Lovemaking", "http://tenderlovemaking.com/2008/12/04/x.html", "Tender Lovemaking"],
    ["Quarry Data Blog", "https://quarry.example/blog/x", "Quarry Data"],
    ["Northwind Engineering", undefined, "Northwind"],
    ["engineering.northwind.example", undefined, "Northwind"],
    ["blog.example", undefined, ""],
  ])("%s → %s", (name, url, expected) => {
    expect(publisherName(name, url)).toBe(expected);
  });
});

// A brand's own casing is kept mid-sentence ("…, thoughtbot went over…"), capitalised only
// where it opens one; a lower-case slug takes the article's spelling ("hugo" → "Hugo").
describe("spellAsWritten", () => {
  it.each([
    ["hugo", "Hugo is now faster. The theme of this release is how Hugo shows errors.", "Hugo"],
    ["thoughtbot", "Thoughtbot went over. At thoughtbot, we write code.", "thoughtbot"],
    ["thoughtbot", "Nothing about the company here.", "thoughtbot"],
    ["Netflix", "At netflix we stream.", "Netflix"],
  ])("%s in %s → %s", (name, text, expected) => {
    expect(spellAsWritten(name, text)).toBe(expected);
  });
});

describe("capitalizeNameAtStart", () => {
  it.each([
    ["thoughtbot went over the 1GB of RAM.", "Thoughtbot went over the 1GB of RAM."],
    [
      "When building it, thoughtbot went over. thoughtbot fixed it.",
      "When building it, thoughtbot went over. Thoughtbot fixed it.",
    ],
    ["The thoughtbotics team met.", "The thoughtbotics team met."],
  ])("%s → %s", (text, expected) => {
    expect(capitalizeNameAtStart(text, "thoughtbot")).toBe(expected);
  });
});
