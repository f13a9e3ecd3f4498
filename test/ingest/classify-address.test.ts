import { describe, expect, it } from "vitest";
import { parseAllowList } from "../../src/ingest/fetch/net/allow-list.js";
import { checkFeedUrl } from "../../src/ingest/fetch/net/check-feed-url.js";
import { classifyAddress } from "../../src/ingest/fetch/net/classify-address.js";

const none = parseAllowList([]);

describe("the private-address guard on literal hosts", () => {
  // Each spelling is what an attacker would put in a feed URL or a redirect's Location.
  it.each([
    ["127.1", "127.0.0.1 is a loopback address"],
    ["0177.0.0.1", "127.0.0.1 is a loopback address"],
    ["2130706433", "127.0.0.1 is a loopback address"],
    ["0x7f000001", "127.0.0.1 is a loopback address"],
    ["0x7f.1", "127.0.0.1 is a loopback address"],
    ["127.255.255.254", "127.255.255.254 is a loopback address"],
    ["[::1]", "::1 is a loopback address"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1 is a loopback address"],
    ["[::ffff:7f00:1]", "::ffff:7f00:1 is a loopback address"],
    ["[64:ff9b::7f00:1]", "64:ff9b::7f00:1 is a loopback address"],
    ["[64:ff9b::a00:1]", "64:ff9b::a00:1 is a private address"],
    ["[2002:7f00:1::]", "2002:7f00:1:: is a loopback address"],
    ["[2001:0:4136:e378:8000:63bf:80ff:fffe]", "is a loopback address"],
    ["0.0.0.0", "0.0.0.0 is an unspecified address"],
    ["0", "0.0.0.0 is an unspecified address"],
    ["[::]", ":: is an unspecified address"],
    ["169.254.169.254", "169.254.169.254 is a cloud metadata address"],
    ["[::ffff:169.254.169.254]", "is a cloud metadata address"],
    ["[fd00:ec2::254]", "fd00:ec2::254 is a cloud metadata address"],
    ["100.100.100.200", "is a cloud metadata address"],
    ["169.254.1.1", "169.254.1.1 is a link-local address"],
    ["100.64.1.1", "100.64.1.1 is a carrier-grade NAT address"],
    ["10.1.2.3", "10.1.2.3 is a private address"],
    ["172.16.0.1", "172.16.0.1 is a private address"],
    ["172.31.255.255", "172.31.255.255 is a private address"],
    ["192.168.1.1", "192.168.1.1 is a private address"],
    ["[fd00::1]", "fd00::1 is a unique-local address"],
    ["[fc00::1]", "fc00::1 is a unique-local address"],
    ["[fe80::1]", "fe80::1 is a link-local address"],
    ["224.0.0.1", "224.0.0.1 is a multicast address"],
    ["[ff02::1]", "ff02::1 is a multicast address"],
    ["255.255.255.255", "255.255.255.255 is a broadcast address"],
    ["240.0.0.1", "240.0.0.1 is a reserved address"],
    ["198.18.0.1", "198.18.0.1 is a reserved address"],
    ["[::7f00:1]", "::7f00:1 is a reserved address"],
    ["[2001:db8::1]", "2001:db8::1 is a reserved address"],
  ])("refuses http://%s/feed.xml (%s)", (host, reason) => {
    const url = `http://${host}/feed.xml`;
    expect(() => checkFeedUrl(url, none)).toThrow(
      expect.objectContaining({
        code: "FEED_FETCH_FAILED",
        message: expect.stringContaining(reason),
      }),
    );
  });

  it.each([
    "93.184.216.34",
    "[2606:4700::1111]",
    "172.32.0.1",
    "[::ffff:93.184.216.34]",
    "[64:ff9b::5db8:d822]",
    "[2002:5db8:d822::1]",
    "example.com",
  ])("lets http://%s/feed.xml through (checked again when it resolves)", (host) => {
    expect(checkFeedUrl(`https://${host}/feed.xml`, none).protocol).toBe("https:");
  });

  it("names the way to fetch an internal feed, except for cloud metadata", () => {
    expect(() => checkFeedUrl("http://10.0.0.5/a.xml", none)).toThrow(
      "refused http://10.0.0.5/a.xml: 10.0.0.5 is a private address (add it to collect.allowPrivate to fetch internal feeds)",
    );
    expect(() => checkFeedUrl("http://169.254.169.254/latest/meta-data/", none)).toThrow(
      /169\.254\.169\.254 is a cloud metadata address$/,
    );
  });

  it.each([
    ["ftp://example.com/feed.xml", "only http(s) and files are fetched, not ftp:"],
    ["gopher://example.com/", "only http(s) and files are fetched, not gopher:"],
    ["https://user:secret@example.com/feed.xml", "URLs with credentials are refused"],
    ["http://:secret@example.com/feed.xml", "URLs with credentials are refused"],
  ])("refuses %s", (url, reason) => {
    expect(() => checkFeedUrl(url, none)).toThrow(reason);
  });
});

describe("collect.allowPrivate", () => {
  const allowList = parseAllowList(["127.0.0.1", "10.0.0.0/8", "fd00::/8", "Feeds.Internal"]);

  it.each([
    ["http://127.0.0.1:8080/feed.xml", true],
    ["http://2130706433/feed.xml", true],
    ["http://[::ffff:127.0.0.1]/feed.xml", true],
    ["http://10.200.3.4/feed.xml", true],
    ["http://[fd12::1]/feed.xml", true],
    ["http://127.0.0.2/feed.xml", false],
    ["http://192.168.1.1/feed.xml", false],
    ["http://[::1]/feed.xml", false],
  ])("%s allowed: %s", (url, isAllowed) => {
    const check = () => checkFeedUrl(url, allowList);
    if (isAllowed) expect(check()).toBeInstanceOf(URL);
    else expect(check).toThrow(/refused/);
  });

  it("matches host names exactly, ignoring case and a trailing dot", () => {
    expect(allowList.allowsHost("feeds.internal")).toBe(true);
    expect(allowList.allowsHost("FEEDS.internal.")).toBe(true);
    expect(allowList.allowsHost("evil.feeds.internal")).toBe(false);
  });

  it("never lets cloud metadata through, even inside an allowed range", () => {
    const wide = parseAllowList(["169.254.0.0/16", "0.0.0.0/0"]);
    expect(() => checkFeedUrl("http://169.254.169.254/", wide)).toThrow(/cloud metadata/);
    expect(checkFeedUrl("http://169.254.1.1/", wide)).toBeInstanceOf(URL);
  });

  it.each(["10.0.0.0/33", "http://x", "a b", ""])("rejects the entry %j", (entry) => {
    expect(() => parseAllowList([entry])).toThrow(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.stringContaining("collect.allowPrivate"),
      }),
    );
  });
});

describe("classifyAddress", () => {
  it.each([
    ["93.184.216.34", undefined],
    ["2606:4700::1111", undefined],
    ["8.8.8.8", undefined],
    ["127.0.0.1", "a loopback address"],
    ["fe80::1%eth0", "a link-local address"],
    ["not-an-ip", "not an IP address"],
  ])("%s → %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});
