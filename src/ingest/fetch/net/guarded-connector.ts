import { promises as dns, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { buildConnector } from "undici";
import { GazetteError } from "../../../shared/errors.js";
import type { HostResolver } from "../../types.js";
import type { AllowList } from "./allow-list.js";
import { checkAddress } from "./check-address.js";
import { isIpLiteral } from "./classify-address.js";

/** Every address of `hostname`, as the system resolver (/etc/hosts, DNS) gives them. */
export const resolveWithSystem: HostResolver = (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true });

/**
 * An undici connector that resolves the host itself, refuses it when ANY of its addresses is
 * private (unless allowed), and hands exactly the checked addresses to the socket: there is no
 * second lookup, so no DNS-rebinding window. Literal IPs skip the lookup and are checked here.
 * A refusal fails the connection with an AddressRefused (FEED_FETCH_FAILED) whose message is the
 * reason.
 */
export function createGuardedConnector(
  allowList: AllowList,
  resolveHost: HostResolver = resolveWithSystem,
): buildConnector.connector {
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        const reason = firstRefusal(hostname, addresses, allowList);
        if (reason !== undefined) return callback(refusal(reason), "", 0);
        // net asks for one family when the URL or happy-eyeballs says so.
        const usable = addresses.filter((a) => !options.family || a.family === options.family);
        if (usable.length === 0) return callback(notFound(hostname), "", 0);
        if (options.all) return callback(null, usable);
        const [first] = usable as [LookupAddress];
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
  const connect = buildConnector({ lookup });
  return (options, callback) => {
    const host = options.hostname;
    if (isIpLiteral(host)) {
      const reason = checkAddress(host, host.replace(/^\[|\]$/g, ""), allowList);
      if (reason !== undefined) return callback(refusal(reason), null);
    }
    connect(options, callback);
  };
}

function firstRefusal(
  hostname: string,
  addresses: readonly LookupAddress[],
  allowList: AllowList,
): string | undefined {
  for (const { address } of addresses) {
    const reason = checkAddress(hostname, address, allowList);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** The guard's refusal of an address, raised inside the connector; its message is the reason. */
export class AddressRefused extends GazetteError {}

function refusal(reason: string): AddressRefused {
  return new AddressRefused("FEED_FETCH_FAILED", reason);
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
}
