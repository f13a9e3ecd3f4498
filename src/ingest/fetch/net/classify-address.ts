import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Cloud instance-metadata endpoints (AWS, GCP, Azure, ECS, Alibaba, Oracle): never fetched. */
const METADATA = new Set([
  "169.254.169.254",
  "169.254.170.2",
  "100.100.100.200",
  "192.0.0.192",
  "fd00:ec2::254",
]);

const DESCRIPTIONS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address",
  private: "a private address",
  uniqueLocal: "a unique-local address",
};

/**
 * Why `text` (an IPv4 or IPv6 address in any form ipaddr.js parses) is not a public unicast
 * address, e.g. "a loopback address"; undefined when it is public. IPv4 embedded in IPv6
 * (mapped, NAT64, 6to4, Teredo) is judged by the IPv4 address it reaches.
 */
export function classifyAddress(text: string): string | undefined {
  const bare = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return "not an IP address";
  const address = unwrap(ipaddr.parse(bare));
  if (METADATA.has(address.toString())) return "a cloud metadata address";
  const range = address.range();
  if (range === "unicast") {
    // ipaddr.js calls all of ::/8 and other unassigned space "unicast": only 2000::/3 is global.
    const isGlobal = address.kind() === "ipv4" || address.match(ipaddr.parseCIDR("2000::/3"));
    return isGlobal ? undefined : "a reserved address";
  }
  return DESCRIPTIONS[range] ?? "a reserved address";
}

/** True when `text` is an IPv4 or IPv6 literal (brackets allowed). */
export function isIpLiteral(text: string): boolean {
  return ipaddr.isValid(text.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
}

/** The IPv4 address an IPv6 address carries to, when it is a translation or tunnel format. */
function unwrap(address: Address): Address {
  if (address.kind() === "ipv4") return address;
  const v6 = address as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  switch (v6.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
      return ipv4(bytes.slice(12));
    case "rfc6052": // NAT64 64:ff9b::/96; the 64:ff9b:1::/48 local-use prefix stays reserved
      return v6.match(ipaddr.parseCIDR("64:ff9b::/96")) ? ipv4(bytes.slice(12)) : v6;
    case "6to4": // 2002:AABB:CCDD::/48
      return ipv4(bytes.slice(2, 6));
    case "teredo": // RFC 4380: the client's address, bits inverted, in the last 32 bits
      return ipv4(bytes.slice(12).map((byte) => byte ^ 0xff));
    default:
      return v6;
  }
}

function ipv4(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes);
}
