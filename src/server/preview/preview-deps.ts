import type { Transport } from "../../deliver/index.js";
import type { Context } from "../../pipeline/context.js";
import type { CompiledIssue, IssueModel } from "../../render/index.js";
import type { LiveReload } from "./live-reload.js";

/** What the preview app works with: the command's context, passed in so tests run it in-process. */
export interface PreviewOptions {
  ctx: Context;
  /** The configured transport, for "send a test to…". */
  transport: Transport;
  /** A saved issue model shown instead of the store's issues (`--fixture`). */
  fixture?: IssueModel;
  /** Template, config and store watching; without it only the preview's own edits reload. */
  live?: LiveReload;
  /** Host names the preview answers besides the loopback ones ("name" or "name:port"). */
  allowedHosts?: string[];
  /** The list and issue shown when the URL names none (`--list`, `--issue`). */
  defaults?: { list?: string; issue?: number };
}

/** The options with their defaults filled in: what each route reads. */
export interface PreviewDeps extends PreviewOptions {
  live: LiveReload;
  renders: Map<string, Promise<CompiledIssue>>;
}
