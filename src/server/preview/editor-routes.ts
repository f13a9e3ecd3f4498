import type { Hono, Context as HonoContext } from "hono";
import type { Issue } from "../../compose/ports.js";
import { composeStage } from "../../pipeline/compose-stage.js";
import { findList, listNumber } from "../../pipeline/find-list.js";
import {
  approveIssue,
  articleEdit,
  dropArticle,
  editArticle,
  reorderIssue,
  setIntro,
} from "../../review/index.js";
import { describeError, GazetteError } from "../../shared/errors.js";
import { readForm } from "../read-form.js";
import type { PreviewDeps } from "./preview-deps.js";
import { parseSelection, selectionQuery } from "./preview-selection.js";
import { isValidPreviewCsrf, signNote } from "./preview-session.js";
import { sendTestCopy } from "./send-test-copy.js";

type Form = Record<string, string>;
/** What an action changes in the page it goes back to. */
type Outcome = { done?: string; sent?: string; issue?: number };

/**
 * The editor's POST forms, each calling the same store methods as the CLI: overrides for an
 * article's summary, why and drop; the review repo for intro, order and approval of a draft.
 * Every form carries the CSRF token of the editor's browser session; each answers with a redirect back to the preview (POST →
 * redirect → GET, so a reload never repeats an action).
 */
export function registerEditorRoutes(app: Hono, deps: PreviewDeps): void {
  const { ctx } = deps;
  const act = (run: (form: Form, c: HonoContext) => Promise<Outcome>) => async (c: HonoContext) => {
    const form = await formOf(c);
    if (!form) return c.text("Bad request: the form could not be read; reload the preview.", 400);
    if (!isValidPreviewCsrf(c, ctx.signingKeys.all, form.csrf))
      return c.text("Forbidden: this form has expired; reload the preview.", 403);
    const selection = parseSelection(
      Object.fromEntries(new URLSearchParams(form.back ?? "")),
      ctx.config,
      deps.defaults,
    );
    const extra: Record<string, string> = {};
    try {
      const outcome = await run(form, c);
      if (outcome.issue !== undefined) selection.issue = outcome.issue;
      if (outcome.done) extra.done = outcome.done;
      if (outcome.sent) extra.sent = outcome.sent;
      deps.live.bump();
    } catch (error) {
      extra.error = describeError(error);
    }
    if (extra.sent !== undefined || extra.error !== undefined)
      extra.note = signNote(ctx.signingKey, extra);
    return c.redirect(`/preview?${selectionQuery(selection, extra)}`, 303);
  };

  app.post(
    "/articles/:id",
    act(async (form, c) => {
      const id = await articleId(deps, c.req.param("id") ?? "");
      // Only what the editor changed: an untouched field keeps following the enrichment.
      const changed = (field: "summary" | "why") => {
        const value = form[field] ?? "";
        return value.trim() === (form[`${field}_was`] ?? "").trim() ? undefined : value;
      };
      const summary = changed("summary");
      const why = changed("why");
      const input = articleEdit({
        ...(summary !== undefined && { summary }),
        ...(why !== undefined && { why }),
      });
      await editArticle(ctx.store, id, input, ctx.clock.now());
      return { done: "saved" };
    }),
  );

  app.post(
    "/articles/:id/drop",
    act(async (_form, c) => {
      const id = await articleId(deps, c.req.param("id") ?? "");
      await dropArticle(ctx.store, id, true, ctx.clock.now());
      return { done: "dropped" };
    }),
  );

  app.post(
    "/intro",
    act(async (form) => {
      const issue = await issueOf(deps, form);
      await setIntro(ctx.store, issue, form.intro ?? "");
      return { done: "intro", issue: issue.number };
    }),
  );

  app.post(
    "/reorder",
    act(async (form) => {
      const issue = await issueOf(deps, form);
      await reorderIssue(ctx.store, issue, form.order ?? "");
      return { done: "reordered", issue: issue.number };
    }),
  );

  app.post(
    "/approve",
    act(async (form) => {
      const issue = await issueOf(deps, form);
      await approveIssue(ctx.store, issue, ctx.clock.now());
      return { done: "approved", issue: issue.number };
    }),
  );

  app.post(
    "/compose",
    act(async (form) => {
      const result = await composeStage(ctx, findList(ctx, form.list));
      return result.kind === "skipped"
        ? { done: "skipped" }
        : { done: "composed", issue: result.issue.number };
    }),
  );

  app.post(
    "/send",
    act(async (form) => {
      const selection = parseSelection(
        Object.fromEntries(new URLSearchParams(form.back ?? "")),
        ctx.config,
        deps.defaults,
      );
      return { sent: await sendTestCopy(deps, selection, form.to ?? "") };
    }),
  );
}

async function formOf(c: HonoContext): Promise<Form | undefined> {
  const body = await readForm(c);
  if (!body) return undefined;
  const form: Form = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === "string") form[key] = value;
  return form;
}

async function articleId(deps: PreviewDeps, raw: string): Promise<number> {
  const id = Number(raw);
  if (!Number.isInteger(id) || !(await deps.ctx.store.articles.byId(id)))
    throw new GazetteError("NOT_FOUND", `no article ${raw}`);
  return id;
}

/** The issue the form names (list + issue number); the review decides what may change. */
async function issueOf(deps: PreviewDeps, form: Form): Promise<Issue> {
  const list = findList(deps.ctx, form.list);
  return deps.ctx.store.issues.byNumberOrThrow(
    listNumber(deps.ctx, list),
    list.id,
    Number(form.issue),
  );
}
