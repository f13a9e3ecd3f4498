import { readFileSync } from "node:fs";
import { z } from "zod";
import { percent } from "./audit-report.js";

/** eval/audit-threshold.json: the ratchet CI holds the defect share to, and the goal. */
export const AuditThreshold = z.object({
  maxShare: z.number().min(0).max(1),
  goal: z.number().min(0).max(1),
});
export type AuditThreshold = z.infer<typeof AuditThreshold>;

export function readAuditThreshold(file: string): AuditThreshold {
  const parsed = AuditThreshold.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Whether the share is within the ratchet, and a line saying so (and when to lower it). */
export function checkThreshold(
  share: number,
  threshold: AuditThreshold,
): { ok: boolean; message: string } {
  const limit = `the ratchet of ${percent(threshold.maxShare)} (goal ${percent(threshold.goal)})`;
  if (share > threshold.maxShare)
    return { ok: false, message: `Defect share ${percent(share)} is above ${limit}.` };
  // A ratchet only holds when it follows the figure down.
  const lower =
    share + 0.02 < threshold.maxShare
      ? ` Lower maxShare to about ${(share + 0.01).toFixed(3)}.`
      : "";
  return { ok: true, message: `Defect share ${percent(share)} is within ${limit}.${lower}` };
}
