import { printableEmail } from "../../audience/index.js";
import type { MergeReport } from "./merge-duplicate-subscribers.js";

const SHOWN_GROUPS = 20;

/** The notice the CLI prints once after the merge, or undefined when nothing was merged. */
export function describeMerges(report: MergeReport): string | undefined {
  if (report.groups.length === 0 && report.suppressionsFolded === 0) return undefined;
  const merged = report.groups.reduce((sum, group) => sum + group.merged.length, 0);
  const lines = [
    `Subscribers are now one per address whatever its case (migration 012): ${merged} duplicate${merged === 1 ? "" : "s"} merged into ${report.groups.length} subscriber${report.groups.length === 1 ? "" : "s"}, the address kept as first written and the strictest status kept on each list.`,
    ...report.groups
      .slice(0, SHOWN_GROUPS)
      .map(
        (group) =>
          `  ${printableEmail(group.survivor.email)} ← ${group.merged.map((m) => printableEmail(m.email)).join(", ")} (${group.memberships.join(", ") || "no lists"})`,
      ),
  ];
  if (report.groups.length > SHOWN_GROUPS)
    lines.push(`  … and ${report.groups.length - SHOWN_GROUPS} more (table subscriber_aliases)`);
  if (report.deliveriesDropped > 0)
    lines.push(
      `  ${report.deliveriesDropped} delivery row${report.deliveriesDropped === 1 ? "" : "s"} of an issue both spellings had dropped (the one furthest along kept).`,
    );
  if (report.suppressionsFolded > 0)
    lines.push(
      `  ${report.suppressionsFolded} suppression${report.suppressionsFolded === 1 ? "" : "s"} of an address in another case folded into one.`,
    );
  if (merged > 0)
    lines.push("  Links already sent to a merged address keep working (they reach the survivor).");
  return lines.join("\n");
}
