import { main } from "./main.js";
import { guardTerminal } from "./terminal-text.js";

// Nothing a command prints acts on the operator's terminal (an ESC from a feed, a bounce or a
// server's reply would start an escape sequence): see guardTerminal.
guardTerminal(process.stdout);
guardTerminal(process.stderr);

// `gazette status | head`: the reader has gone, so there is nobody left to tell. Stop at once
// and quietly, as a command killed by SIGPIPE would, instead of an unhandled 'error' event.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// The bundle is CommonJS (scripts/bundle-cli.ts), which has no top-level await. main() never
// rejects: it prints its own errors and returns the exit code.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
