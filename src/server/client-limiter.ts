import ipaddr from "ipaddr.js";
import type { Clock } from "../shared/clock.js";
import { createRateLimiter, type Quota } from "./rate-limiter.js";

// An IPv6 client counts under its /64 (the smallest block one subscriber line is given, RFC
// 6177), and under its /48 (a site) and /32 (an ISP's block) with larger quotas. Without the
// networks, a /48 that a tunnel broker gives for free held 65,536 /64s: enough keys to fill a
// limiter's 100,000 and lock every new client out for its window. With them, one /48 makes 16
// × max keys per window and a /32 256 × max, so filling the bound takes some 80 /32s; a client
// shares its quotas only with the networks around it.
const NETWORKS = [
  { bits: 64, times: 1 },
  { bits: 48, times: 16 },
  { bits: 32, times: 256 },
] as const;

/** Counts a client's attempts (signups, link requests) by its address. */
export interface ClientLimiter {
  /** Records an attempt from `ip`; false when it or its networks used up their window. */
  take(ip: string): boolean;
  /** True when `ip` or one of its networks used up its window; records nothing. */
  isSpent(ip: string): boolean;
}

/** At most `max` attempts per client within `windowMs`, and more per IPv6 network. */
export function createClientLimiter(options: {
  max: number;
  windowMs: number;
  clock: Clock;
}): ClientLimiter {
  const limiter = createRateLimiter(options);
  return {
    take: (ip) => limiter.takeAll(clientQuotas(ip, options.max)),
    isSpent: (ip) => limiter.isSpent(clientQuotas(ip, options.max)),
  };
}

/**
 * The keys a client's attempts count under, `max` being a single client's quota: an IPv4
 * address as it is (also when it arrives IPv4-mapped, ::ffff:a.b.c.d), an IPv6 address by its
 * /64, /48 and /32.
 */
export function clientQuotas(ip: string, max: number): Quota[] {
  if (!ipaddr.isValid(ip)) return [{ key: ip, max }];
  const address = ipaddr.parse(ip);
  if (address.kind() === "ipv4") return [{ key: address.toString(), max }];
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return [{ key: v6.toIPv4Address().toString(), max }];
  return NETWORKS.map(({ bits, times }) => ({ key: networkOf(v6, bits), max: max * times }));
}

function networkOf(address: ipaddr.IPv6, bits: number): string {
  const parts = address.parts.map((part, i) => (i < bits / 16 ? part : 0));
  return `${new ipaddr.IPv6(parts).toString()}/${bits}`;
}
