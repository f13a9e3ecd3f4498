import ipaddr from "ipaddr.js";
import { GazetteError } from "../../../shared/errors.js";

/** The operator's exceptions to the private-address guard (`collect.allowPrivate`). */
export interface AllowList {
  /** True when `host` was listed by name, so it may resolve to private addresses. */
  allowsHost(host: string): boolean;
  /** True when `address` is listed or inside a listed CIDR range. */
  allowsAddress(address: string): boolean;
}

/**
 * Reads `collect.allowPrivate` entries: an address ("127.0.0.1", "::1"), a CIDR range
 * ("10.0.0.0/8") or a host name ("feeds.internal", matched exactly, case-insensitively).
 * Throws CONFIG_INVALID on an entry that is none of these.
 */
export function parseAllowList(entries: readonly string[] = []): AllowList {
  const hosts = new Set<string>();
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const entry of entries) {
    const text = entry.trim().replace(/^\[|\]$/g, "");
    if (ipaddr.isValidCIDR(text)) ranges.push(ipaddr.parseCIDR(text));
    else if (ipaddr.isValid(text)) ranges.push(asRange(ipaddr.process(text)));
    else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(text)) {
      hosts.add(normalizeHost(text));
    } else {
      const message = `collect.allowPrivate: "${entry}" is not an address, a CIDR range or a host name`;
      throw new GazetteError("CONFIG_INVALID", message);
    }
  }
  return {
    allowsHost: (host) => hosts.has(normalizeHost(host)),
    allowsAddress: (address) => {
      const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
      if (!ipaddr.isValid(bare)) return false;
      const parsed = ipaddr.process(bare);
      return ranges.some(
        ([base, bits]) => parsed.kind() === base.kind() && parsed.match(base, bits),
      );
    },
  };
}

function asRange(address: ipaddr.IPv4 | ipaddr.IPv6): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

// "Feeds.Internal." and "feeds.internal" name the same host.
function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, "");
}
