import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { savePreferences, unsubscribeAll } from "../../audience/index.js";
import { CATEGORIES } from "../../shared/categories.js";
import type { AppDeps } from "../app-deps.js";
import { csrfToken, isValidCsrf } from "../csrf.js";
import { forbidden, invalidLink, renderPage, unreadableForm } from "../messages.js";
import { csrfField, type Markup } from "../page.js";
import { readForm } from "../read-form.js";
import { maskEmail, type ResolvedMember, resolveMember } from "../resolve-member.js";

/** The topics offered: `topics` from the config, else the article categories. */
export function topicsOf(deps: AppDeps): readonly string[] {
  return deps.config.topics ?? CATEGORIES;
}

/** The preferences page: topics, lists joined or left, and unsubscribe from everything. */
export function registerPreferences(app: Hono, deps: AppDeps): void {
  app.get("/preferences/:token", async (c) => {
    const token = c.req.param("token");
    const member = await resolveMember(deps, token, "preferences");
    if (!member) return invalidLink(c, deps);
    return preferencesPage(c, deps, token, member);
  });

  app.post("/preferences/:token", async (c) => {
    const token = c.req.param("token");
    const body = await readForm(c, { all: true });
    if (!body) return unreadableForm(c, deps);
    if (!isValidCsrf(deps.signingKeys.all, token, body.csrf)) return forbidden(c, deps);
    const member = await resolveMember(deps, token, "preferences");
    if (!member) return invalidLink(c, deps);
    if (body.action === "unsubscribe-all") {
      await unsubscribeAll(deps.store, member.subscriber.id, deps.clock.now(), {
        source: "preferences",
        maxBounces: deps.config.delivery.maxBounces,
      });
      return renderPage(
        c,
        deps,
        "You are unsubscribed from everything",
        html`<p class="notice" role="status">You will get no more email from ${deps.config.newsletter.name}.</p>`,
      );
    }
    const lists: { slug: string; number: number }[] = [];
    for (const list of deps.config.lists) {
      const number = await deps.lists.idOf(list.id);
      if (number !== undefined) lists.push({ slug: list.id, number });
    }
    await savePreferences(
      deps.store,
      lists,
      member.subscriber,
      {
        topics: asArray(body.topics).filter((topic) => topicsOf(deps).includes(topic)),
        lists: asArray(body.lists),
        ip: deps.clientIp(c),
        userAgent: c.req.header("user-agent") ?? "",
      },
      deps.clock.now(),
      { maxBounces: deps.config.delivery.maxBounces },
    );
    return preferencesPage(c, deps, token, member, "Your preferences are saved.");
  });
}

async function preferencesPage(
  c: Context,
  deps: AppDeps,
  token: string,
  member: ResolvedMember,
  notice?: string,
) {
  const memberships = await deps.store.subscribers.membershipsOf(member.subscriber.id);
  const current = memberships.find((m) => m.list_id === member.claims.listId);
  const chosen = new Set(current?.topics ?? []);
  const fallback = deps.config.lists.find((l) => l.id === current?.list_slug)?.topicFallback;
  const isOn = (slug: string) =>
    memberships.some(
      (m) => m.list_slug === slug && (m.status === "active" || m.status === "pending"),
    );
  const topics: Markup[] = topicsOf(deps).map(
    (topic) =>
      html`<label><input type="checkbox" name="topics" value="${topic}"${chosen.has(topic) ? html` checked` : ""}>${topic}</label>`,
  );
  const lists: Markup[] = deps.config.lists.map(
    (list) =>
      html`<label><input type="checkbox" name="lists" value="${list.id}"${isOn(list.id) ? html` checked` : ""}>${list.name}${list.description ? html` — ${list.description}` : ""}</label>`,
  );
  return renderPage(
    c,
    deps,
    "Your email preferences",
    html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
<p>For ${maskEmail(member.subscriber.email)}.</p>
<form method="post" action="/preferences/${token}">
${csrfField(csrfToken(deps.signingKeys.current, token))}
<fieldset>
<legend>Topics</legend>
<p>Get only the articles on these topics. Leave every box empty to get whole issues.</p>
<p class="topic-fallback">${
      fallback === "full"
        ? "When an issue has no article on your topics, you get the whole issue."
        : "When an issue has no article on your topics, you get no email for it."
    }</p>
${topics}
</fieldset>
<fieldset>
<legend>Lists</legend>
${lists}
</fieldset>
<button type="submit" name="action" value="save">Save preferences</button>
<button type="submit" name="action" value="unsubscribe-all" class="secondary">Unsubscribe from everything</button>
</form>`,
  );
}

function asArray(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === "string");
}
