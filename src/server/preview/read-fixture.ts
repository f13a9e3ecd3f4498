import { readFile } from "node:fs/promises";
import type { IssueModel } from "../../render/index.js";
import { GazetteError } from "../../shared/errors.js";

/**
 * A saved IssueModel (JSON, dates as ISO strings), for designing templates without a store.
 * Only the shape the templates rely on is checked; the dates are turned back into Dates.
 */
export async function readFixture(file: string): Promise<IssueModel> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (cause) {
    throw new GazetteError("USAGE", `--fixture ${file}: not a readable JSON file`, { cause });
  }
  const model = data as IssueModel;
  const isShaped =
    typeof model === "object" &&
    model !== null &&
    typeof model.newsletter?.name === "string" &&
    typeof model.list?.id === "string" &&
    typeof model.issue?.number === "number" &&
    Array.isArray(model.articles);
  if (!isShaped)
    throw new GazetteError(
      "USAGE",
      `--fixture ${file}: expected an issue model with newsletter, list, issue and articles`,
    );
  return {
    ...model,
    issue: {
      ...model.issue,
      periodStart: new Date(model.issue.periodStart),
      periodEnd: new Date(model.issue.periodEnd),
    },
    articles: model.articles.map((article) => ({
      ...article,
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : undefined,
    })),
  };
}
