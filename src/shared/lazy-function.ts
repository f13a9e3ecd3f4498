/**
 * A function that imports its implementation when first called: a stage's face exports its
 * orchestrators this way, so that importing the face loads none of their heavy libraries
 * (issue 17 §6) and any caller, the CLI's start path included, may import it.
 */
export function lazyFunction<F extends (...args: never[]) => Promise<unknown>>(
  load: () => Promise<F>,
): F {
  return (async (...args: Parameters<F>) => (await load())(...args)) as F;
}
