import { GazetteError } from "../shared/errors.js";

/** A variant that fits, with its measured size and the articles it shows in full. */
export interface Fitted<V> {
  variant: V;
  bytes: number;
  shown: number;
}

/**
 * The variant showing the most articles in full whose HTML fits `budget`, given the full one
 * (all `total` articles) that does not. Estimates from the bytes per article, then corrects by
 * one article at a time: usually two or three compiles. Throws when not even zero fits.
 */
export async function fitToBudget<V>(
  render: (shown: number) => Promise<V>,
  measure: (variant: V) => number,
  full: Fitted<V>,
  budget: number,
): Promise<Fitted<V>> {
  const total = full.shown;
  const perArticle = Math.max(1, full.bytes / Math.max(1, total));
  let shown = Math.min(total - 1, Math.floor(total - (full.bytes - budget) / perArticle));
  let fitting: Fitted<V> | undefined;
  for (;;) {
    shown = Math.max(0, shown);
    const variant = await render(shown);
    const bytes = measure(variant);
    if (bytes <= budget) {
      fitting = { variant, bytes, shown };
      break;
    }
    if (shown === 0) {
      throw new GazetteError(
        "TEMPLATE_INVALID",
        `the email is ${bytes} bytes of HTML with no article shown in full, over its budget of ${budget}: raise the budget or slim the theme`,
      );
    }
    shown -= Math.max(1, Math.ceil((bytes - budget) / perArticle));
  }
  // The estimate errs on the small side; take back articles while they still fit.
  while (fitting.shown + 1 < total) {
    const variant = await render(fitting.shown + 1);
    const bytes = measure(variant);
    if (bytes > budget) break;
    fitting = { variant, bytes, shown: fitting.shown + 1 };
  }
  return fitting;
}
