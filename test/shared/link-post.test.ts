import { describe, expect, it } from "vitest";
import { isLinkPost } from "../../src/shared/link-post.js";

describe("isLinkPost", () => {
  it.each([
    "AWS Links - Wednesday, January 7, 2009",
    "Weekly links",
    "Weekly links #42",
    "Links for the week",
    "Link roundup: March",
  ])("a post of links: %s", (title) => {
    expect(isLinkPost(title)).toBe(true);
  });

  it.each([
    "Linking Rust crates statically",
    "Links between services: a tracing story",
    "Deep links in Android apps",
    "Missing Links: migrating to Postgres",
    "CloudFront Management Tool Roundup",
  ])("an article about links, or a roundup of one subject: %s", (title) => {
    expect(isLinkPost(title)).toBe(false);
  });
});
