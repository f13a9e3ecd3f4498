import { createHash } from "node:crypto";
import { preferencesUrl, unsubscribeUrl } from "../../audience/index.js";
import {
  articlesForTopics,
  type IssuePreview,
  noTopicReason,
  previewIssue,
  storedPreview,
} from "../../compose/index.js";
import type { Issue } from "../../compose/ports.js";
import type { ListConfig } from "../../config/index.js";
import { findList, listNumber } from "../../pipeline/find-list.js";
import { renderOptionsOf } from "../../pipeline/render-segments.js";
import {
  type CompiledIssue,
  type IssueModel,
  type Recipient,
  type RenderedMessage,
  renderIssue,
} from "../../render/index.js";
import type { PreviewDeps } from "./preview-deps.js";
import type { PreviewSelection } from "./preview-selection.js";

/** A reader the issue can be rendered for. */
export interface Reader {
  value: string;
  label: string;
  recipient: Recipient;
  /** The reader's topics: their segment gets only matching articles. */
  topics: string[] | null;
}

/** Everything the toolbar and the frame show for one selection. */
export interface PreviewState {
  list: ListConfig;
  listId: number;
  preview: IssuePreview | { kind: "fixture"; model: IssueModel };
  /** The list's issues, newest first, for the picker. */
  issues: Issue[];
  readers: Reader[];
  reader: Reader;
  /** Undefined when there is nothing to show (no new article). */
  compiled?: CompiledIssue;
  message?: RenderedMessage;
}

// The dropdown is for picking a few real readers, not for browsing the audience.
const MAX_READERS = 200;

/** Loads what the selection names from the store (or the fixture) and renders it for the reader. */
export async function loadPreview(
  deps: PreviewDeps,
  selection: PreviewSelection,
): Promise<PreviewState> {
  const { ctx } = deps;
  const list = findList(ctx, selection.list);
  const id = listNumber(ctx, list);
  const issues = await ctx.store.issues.sent(id);
  const unfinished = await ctx.store.issues.unfinished(id);
  if (unfinished) issues.unshift(unfinished);
  const preview = deps.fixture
    ? { kind: "fixture" as const, model: deps.fixture }
    : selection.issue === "next"
      ? await previewIssue(ctx.store, ctx.config, list, id, ctx.clock.now())
      : await storedPreview(
          ctx.store.issueDrafts,
          ctx.config,
          list,
          await ctx.store.issues.byNumberOrThrow(id, list.id, selection.issue),
        );
  const readers = await readersOf(deps, id);
  const reader = readers.find((r) => r.value === selection.reader) ?? (readers[0] as Reader);
  const state: PreviewState = { list, listId: id, preview, issues, readers, reader };
  if (preview.kind === "empty") return state;
  const articles = articlesForTopics(preview.model.articles, reader.topics, list.topicFallback);
  if (articles.length === 0 && reader.topics) {
    state.preview = {
      kind: "empty",
      reason: `this reader gets no email for this issue: ${noTopicReason(reader.topics)}, and the list's topicFallback is "none"`,
    };
    return state;
  }
  const model = { ...preview.model, articles };
  state.compiled = await renderCached(deps, list, model);
  state.message = state.compiled.fill(reader.recipient);
  return state;
}

/** The sample reader, then the list's active subscribers with their real links. */
async function readersOf(deps: PreviewDeps, id: number): Promise<Reader[]> {
  const { config, signingKey, store } = deps.ctx;
  const base = config.newsletter.baseUrl.replace(/\/+$/, "");
  const sample: Reader = {
    value: "sample",
    label: "Sample reader",
    recipient: {
      email: "reader@example.com",
      name: "Sample Reader",
      unsubscribeUrl: `${base}/unsubscribe`,
      preferencesUrl: `${base}/preferences`,
    },
    topics: null,
  };
  const topics = new Map(
    (await store.subscribers.activeTopics(id)).map((m) => [m.email, m.topics]),
  );
  const members = (await store.subscribers.members(id))
    .filter((member) => member.status === "active")
    .slice(0, MAX_READERS);
  return [
    sample,
    ...members.map((member) => {
      const memberTopics = topics.get(member.email) ?? null;
      return {
        value: `s${member.subscriber_id}`,
        label: `${member.email}${memberTopics ? ` (${memberTopics.join(", ")})` : ""}`,
        recipient: {
          email: member.email,
          ...(member.name ? { name: member.name } : {}),
          unsubscribeUrl: unsubscribeUrl(base, signingKey, id, member.subscriber_id),
          preferencesUrl: preferencesUrl(base, signingKey, id, member.subscriber_id),
        },
        topics: memberTopics,
      };
    }),
  ];
}

/**
 * MJML takes a while; the toolbar and its frame ask for the same issue one after the other.
 * The key is the model itself plus the live-reload version, which moves when a template changes.
 */
function renderCached(deps: PreviewDeps, list: ListConfig, model: IssueModel) {
  const key = createHash("sha256")
    .update(`${deps.live.version()}|${list.id}|${JSON.stringify(model)}`)
    .digest("hex");
  let compiled = deps.renders.get(key);
  if (!compiled) {
    if (deps.renders.size > 20) deps.renders.clear();
    compiled = renderIssue(model, renderOptionsOf(deps.ctx, list));
    // A template error must not stay cached: the fix comes as a new version anyway.
    compiled.catch(() => deps.renders.delete(key));
    deps.renders.set(key, compiled);
  }
  return compiled;
}
