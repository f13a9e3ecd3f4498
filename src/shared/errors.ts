/** Every failure Gazette reports carries one of these codes; the CLI maps them to exit codes. */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "CONFIG_NOT_FOUND"
  | "USAGE"
  | "STORE_FAILED"
  | "FEED_FETCH_FAILED"
  | "FEED_TOO_LARGE"
  | "FEED_TIMEOUT"
  | "FEED_PARSE_FAILED"
  | "SUMMARIZE_FAILED"
  | "TEMPLATE_INVALID"
  | "ISSUE_NOT_FOUND"
  | "HEADER_INVALID"
  | "SMTP_TRANSIENT"
  | "SMTP_PERMANENT"
  | "DELIVERY_FAILED"
  | "CSV_INVALID"
  | "FILE_UNREADABLE"
  | "SUBSCRIBER_INVALID"
  | "NOT_FOUND";

export class GazetteError extends Error {
  override readonly name = "GazetteError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a GazetteError with one of the given codes. */
export function isGazetteError(error: unknown, ...codes: ErrorCode[]): error is GazetteError {
  return error instanceof GazetteError && (codes.length === 0 || codes.includes(error.code));
}

/** A one-line description of any thrown value, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
