/**
 * The compiled JavaScript of a worker module beside `moduleUrl` (the caller's import.meta.url):
 * `./<name>.js` next to it when it runs compiled, the copy in dist/ when it runs from src/ (vitest,
 * tsx), since a Worker cannot load TypeScript; `npm run build` makes it (the test setup does).
 */
export function compiledWorkerUrl(moduleUrl: string, name: string): URL {
  const url = new URL(`./${name}.js`, moduleUrl);
  if (!moduleUrl.endsWith(".ts")) return url;
  const at = url.pathname.lastIndexOf("/src/");
  url.pathname = `${url.pathname.slice(0, at)}/dist/${url.pathname.slice(at + "/src/".length)}`;
  return url;
}
