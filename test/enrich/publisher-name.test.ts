import { describe, expect, it } from "vitest";
import { publisherName } from "../../src/enrich/publisher-name.js";

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
    ["Release notes from hugo", "https://github.com/gohugoio/hugo/releases/tag/v0.98.0", "Hugo"],
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
