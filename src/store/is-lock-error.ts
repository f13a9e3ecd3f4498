// PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
const POSTGRES_LOCK_CODES = new Set(["40001", "40P01", "55P03"]);

/**
 * Whether a store call failed only because another connection held a lock (SQLite's "database
 * is locked" once busy_timeout ran out, a PostgreSQL deadlock or serialization failure): the same
 * call may succeed a moment later, and nothing about the rows it touched is wrong.
 */
export function isLockError(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (/^SQLITE_(BUSY|LOCKED)/.test(code) || POSTGRES_LOCK_CODES.has(code))
    )
      return true;
    if (/database (table )?is locked/i.test(cause.message)) return true;
  }
  return false;
}
