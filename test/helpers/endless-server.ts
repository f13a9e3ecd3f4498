import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A local HTTP server on 127.0.0.1 and a free port. */
export interface EndlessServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * A stand-in for a broken or hostile API: every request gets a 200 whose body, `byte` repeated,
 * never ends (written as fast as the client reads).
 */
export async function startEndlessServer(byte: string): Promise<EndlessServer> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, byte);
    const pump = () => {
      while (response.write(chunk));
      response.once("drain", pump);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
