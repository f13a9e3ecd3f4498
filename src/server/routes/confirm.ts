import type { Hono } from "hono";
import { html } from "hono/html";
import { confirmSignup } from "../../audience/index.js";
import { prepareMessage } from "../../deliver/index.js";
import type { AppDeps } from "../app-deps.js";
import { csrfToken, isValidCsrf } from "../csrf.js";
import { forbidden, invalidLink, renderPage, unreadableForm } from "../messages.js";
import { csrfField } from "../page.js";
import { readForm } from "../read-form.js";
import { type ResolvedMember, resolveMember } from "../resolve-member.js";
import { welcomeMessage } from "../welcome-message.js";

/** The double opt-in link: GET shows a button (scanners fetch links), POST activates once. */
export function registerConfirm(app: Hono, deps: AppDeps): void {
  app.get("/confirm/:token", async (c) => {
    const token = c.req.param("token");
    const member = await resolveMember(deps, token, "confirm");
    const consent = member && (await consentOf(deps, member));
    if (!member || !consent) return invalidLink(c, deps);
    if (consent.confirmed_at) return alreadyUsed(c, deps);
    return renderPage(
      c,
      deps,
      `Confirm your subscription to ${member.list.name}`,
      html`<form method="post" action="/confirm/${token}">
${csrfField(csrfToken(deps.signingKeys.current, token))}
<button type="submit">Confirm my subscription</button>
</form>`,
    );
  });

  app.post("/confirm/:token", async (c) => {
    const token = c.req.param("token");
    const body = await readForm(c);
    if (!body) return unreadableForm(c, deps);
    if (!isValidCsrf(deps.signingKeys.all, token, body.csrf)) return forbidden(c, deps);
    const member = await resolveMember(deps, token, "confirm");
    const consent = member && (await consentOf(deps, member));
    if (!member || !consent) return invalidLink(c, deps);
    const confirmed = await confirmSignup(
      deps.store,
      {
        nonce: consent.nonce,
        listNumber: member.claims.listId,
        subscriberId: member.subscriber.id,
      },
      deps.clock.now(),
    );
    if (confirmed === "used") return alreadyUsed(c, deps);
    if (confirmed === "activated") await sendWelcome(deps, member, consent.nonce);
    return renderPage(
      c,
      deps,
      "You are subscribed",
      html`<p class="notice" role="status">Thank you: you are subscribed to <strong>${member.list.name}</strong>.
The next issue comes to your inbox.</p>`,
    );
  });
}

/**
 * The welcome email, once per subscriber and list: only for their first confirmed consent (this
 * request's confirm is single-use). A failed send never fails the confirmation.
 */
async function sendWelcome(deps: AppDeps, member: ResolvedMember, nonce: string): Promise<void> {
  const confirmed = (await deps.store.consents.ofSubscriber(member.subscriber.id)).filter(
    (c) => c.list_id === member.claims.listId && c.confirmed_at !== null,
  );
  if (confirmed.length !== 1) return;
  const latest = await deps.store.issues.latest(member.claims.listId);
  try {
    await deps.transport.send(
      prepareMessage(
        welcomeMessage({
          config: deps.config,
          list: member.list,
          key: deps.signingKeys.current,
          listId: member.claims.listId,
          subscriberId: member.subscriber.id,
          to: member.subscriber.email,
          nonce,
          ...(latest?.status === "sent"
            ? { latestIssue: { number: latest.number, subject: latest.subject } }
            : {}),
        }),
        deps.clock.now(),
      ),
    );
  } catch {
    // The subscription stands; the welcome is a courtesy.
  }
}

/** The consent the token's nonce names, if it belongs to the token's subscriber and list. */
async function consentOf(deps: AppDeps, member: ResolvedMember) {
  const consent = await deps.store.consents.byNonce(member.claims.nonce ?? "");
  if (
    !consent ||
    consent.subscriber_id !== member.subscriber.id ||
    consent.list_id !== member.claims.listId
  )
    return undefined;
  return consent;
}

function alreadyUsed(c: Parameters<typeof renderPage>[0], deps: AppDeps) {
  return renderPage(
    c,
    deps,
    "This link was already used",
    html`<p class="notice" role="status">This confirmation link was already used. If you confirmed, you are subscribed.</p>`,
    410,
  );
}
