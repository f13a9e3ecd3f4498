import { GazetteError } from "../shared/errors.js";

/**
 * A server that could not start, said as what to do: the port is taken, needs root, or the
 * address is not this machine's. Other errors pass through as they are.
 */
export function explainListenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "EADDRINUSE"
      ? "the port is in use (another gazette serve or preview?): stop that program, or pass --port N (0 picks a free port)"
      : code === "EACCES"
        ? "a port below 1024 needs root: pass --port 1024 or higher (a proxy can forward port 80 to it)"
        : code === "EADDRNOTAVAIL"
          ? `${host} is not an address of this machine: pass --host 127.0.0.1, or 0.0.0.0 for every address`
          : undefined;
  if (reason === undefined) return error;
  return new GazetteError("USAGE", `cannot listen on ${host}:${port}: ${reason}`, { cause: error });
}
