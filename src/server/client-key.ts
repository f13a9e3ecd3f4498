import ipaddr from "ipaddr.js";

/**
 * The key a client's rate limit counts under: an IPv4 address as it is (also when it arrives
 * IPv4-mapped, ::ffff:a.b.c.d), an IPv6 address by its /64 — the smallest block one subscriber
 * line is given (RFC 6177), so rotating through it gains nothing.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === "ipv4") return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const prefix = new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${prefix.toString()}/64`;
}
