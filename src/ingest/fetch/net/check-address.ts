import type { AllowList } from "./allow-list.js";
import { classifyAddress } from "./classify-address.js";

/**
 * Why connecting to `address` (which `host` resolved to) is refused, or undefined when it is
 * allowed: public addresses always are, private ones when the allow-list names the host or
 * the address. Cloud metadata addresses are refused whatever the allow-list says.
 */
export function checkAddress(
  host: string,
  address: string,
  allowList: AllowList,
): string | undefined {
  const kind = classifyAddress(address);
  if (kind === undefined) return undefined;
  if (kind === "a cloud metadata address") return refusal(host, address, kind, false);
  if (allowList.allowsHost(host) || allowList.allowsAddress(address)) return undefined;
  return refusal(host, address, kind, true);
}

function refusal(host: string, address: string, kind: string, canAllow: boolean): string {
  const hint = canAllow ? " (add it to collect.allowPrivate to fetch internal feeds)" : "";
  const isLiteral = host.replace(/^\[|\]$/g, "") === address;
  const fact = isLiteral ? `${address} is ${kind}` : `${host} resolves to ${address}, ${kind}`;
  return `${fact}${hint}`;
}
