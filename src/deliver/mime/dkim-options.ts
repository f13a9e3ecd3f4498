import { readFileSync } from "node:fs";
import path from "node:path";
import type { DeliveryConfig } from "../../config/index.js";
import { GazetteError } from "../../shared/errors.js";

/** nodemailer's `dkim` option. */
export interface DkimOptions {
  domainName: string;
  keySelector: string;
  privateKey: string;
  headerFieldNames: string;
}

// RFC 8058 §4: the DKIM signature must cover List-Unsubscribe and List-Unsubscribe-Post, or
// receivers ignore one-click unsubscription. Feedback-ID too, so that it cannot be forged.
const SIGNED_HEADERS = [
  "From",
  "Sender",
  "Reply-To",
  "Subject",
  "Date",
  "Message-ID",
  "To",
  "MIME-Version",
  "Content-Type",
  "Content-Transfer-Encoding",
  "List-Id",
  "List-Unsubscribe",
  "List-Unsubscribe-Post",
  "Feedback-ID",
  "X-Gazette-Issue",
].join(":");

/** The DKIM options of `delivery.dkim`, its key read from the file or the environment variable. */
export function loadDkimOptions(
  dkim: NonNullable<DeliveryConfig["dkim"]>,
  options: { baseDir: string; env: NodeJS.ProcessEnv },
): DkimOptions {
  const privateKey = dkim.privateKeyFile
    ? readKeyFile(path.resolve(options.baseDir, dkim.privateKeyFile))
    : options.env[dkim.privateKeyEnv ?? ""];
  if (!privateKey?.includes("PRIVATE KEY")) {
    const source = dkim.privateKeyFile ?? `$${dkim.privateKeyEnv}`;
    throw new GazetteError("CONFIG_INVALID", `delivery.dkim: ${source} holds no PEM private key`);
  }
  return {
    domainName: dkim.domain,
    keySelector: dkim.selector,
    privateKey,
    headerFieldNames: SIGNED_HEADERS,
  };
}

function readKeyFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new GazetteError("CONFIG_INVALID", `delivery.dkim.privateKeyFile: cannot read ${file}`, {
      cause: error,
    });
  }
}
