import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/ingest/normalize/canonical-url.js";

describe("canonicalUrl", () => {
  it.each([
    [
      "lowercases scheme and host",
      "HTTPS://Blog.Example.COM/Post",
      "https://blog.example.com/Post",
    ],
    ["drops the default https port", "https://example.com:443/a", "https://example.com/a"],
    ["drops the default http port", "http://example.com:80/a", "http://example.com/a"],
    ["keeps other ports", "https://example.com:8443/a", "https://example.com:8443/a"],
    ["drops the fragment", "https://example.com/a#comments", "https://example.com/a"],
    [
      "drops every utm_ parameter",
      "https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x&UTM_Term=y",
      "https://example.com/a",
    ],
    [
      "drops click and mail ids",
      "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=twsrc",
      "https://example.com/a",
    ],
    [
      "drops Medium's source",
      "https://netflixtechblog.com/data-mesh-3fddcceb1059?source=rss----2615bd06b42e---4",
      "https://netflixtechblog.com/data-mesh-3fddcceb1059",
    ],
    [
      "sorts the remaining parameters",
      "https://example.com/a?b=2&a=1&c=3",
      "https://example.com/a?a=1&b=2&c=3",
    ],
    [
      "keeps repeated keys in their order",
      "https://example.com/a?tag=z&id=1&tag=a",
      "https://example.com/a?id=1&tag=z&tag=a",
    ],
    [
      "keeps parameters that are not tracking",
      "https://example.com/?p=102",
      "https://example.com/?p=102",
    ],
    [
      "keeps the raw encoding of values",
      "https://example.com/s?q=a%20b&flag",
      "https://example.com/s?flag&q=a%20b",
    ],
    ["drops an empty query", "https://example.com/a?", "https://example.com/a"],
    [
      "drops the trailing slash of a path",
      "https://example.com/blog/post/",
      "https://example.com/blog/post",
    ],
    ["keeps the root slash", "https://example.com/", "https://example.com/"],
    ["adds the root slash to a bare host", "https://example.com", "https://example.com/"],
    [
      "does all of it at once",
      "HTTPS://Blog.Example.com:443/engineering/post/?utm_source=rss&z=1&a=2#top",
      "https://blog.example.com/engineering/post?a=2&z=1",
    ],
    ["leaves a relative URL alone", "/just/a/path", "/just/a/path"],
  ])("%s", (_case, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = canonicalUrl("https://Example.com/a/?utm_source=x&b=1#f");
    expect(canonicalUrl(once)).toBe(once);
  });
});
