import { describe, expect, it } from "vitest";
import { domainOf, listIdFor, messageIdFor } from "../../src/deliver/index.js";

describe("messageIdFor", () => {
  it("is stable for a delivery and different for another", () => {
    const ids = { installId: "k3x9", issueId: 12, subscriberId: 345, domain: "Gazette.Example" };
    expect(messageIdFor(ids)).toBe("<gz.k3x9.12.345@gazette.example>");
    expect(messageIdFor({ ...ids })).toBe(messageIdFor(ids));
    expect(messageIdFor({ ...ids, subscriberId: 346 })).not.toBe(messageIdFor(ids));
    expect(messageIdFor({ ...ids, seal: "rc-9l-0123456789abcdef" })).toBe(
      "<gz.k3x9.12.345.rc-9l-0123456789abcdef@gazette.example>",
    );
  });

  it.each([
    { installId: "k3", issueId: "1.2", subscriberId: 3, domain: "g.example" },
    { installId: "k3", issueId: 1, subscriberId: "a@b", domain: "g.example" },
    { installId: "", issueId: 1, subscriberId: 2, domain: "g.example" },
    { installId: "k3", issueId: 1, subscriberId: 2, domain: "localhost>" },
  ])("refuses parts that would make it ambiguous or malformed: %j", (ids) => {
    expect(() => messageIdFor(ids)).toThrow(expect.objectContaining({ code: "HEADER_INVALID" }));
  });
});

describe("domainOf", () => {
  it.each([
    ["Gazette Weekly <news@Gazette.Example>", "gazette.example"],
    ['"Doe, Jane" <jane@mail.example.org>', "mail.example.org"],
    ["news@gazette.example", "gazette.example"],
    [{ name: "Gazette", address: "news@gazette.example" }, "gazette.example"],
    [{ address: "news@gazette.example" }, "gazette.example"],
  ])("takes the domain of %j", (address, domain) => {
    expect(domainOf(address)).toBe(domain);
  });

  it.each(["Gazette", "", "news@"])("throws for %j", (address) => {
    expect(() => domainOf(address)).toThrow(expect.objectContaining({ code: "HEADER_INVALID" }));
  });
});

describe("listIdFor", () => {
  it("names the list under the sender's domain", () => {
    expect(
      listIdFor({ name: "Gazette Weekly", listSlug: "weekly", domain: "Gazette.Example" }),
    ).toBe("Gazette Weekly <weekly.gazette.example>");
  });
});
