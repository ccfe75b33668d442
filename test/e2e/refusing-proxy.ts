/**
 * A local HTTP proxy that refuses everything and records what asked. Firefox's proxy prefs point
 * here (driver-firefox.ts), so a request that the per-tab interception does not serve — from the
 * background page, from a tab the harness did not open, from Firefox itself — never reaches the
 * network, and the test sees it: `CONNECT example.com:443` for https, the request line for http.
 */
import { createServer, type Socket } from 'node:net';

export interface RefusingProxy {
  port: number;
  /** The first line of every request that reached the proxy, in order. */
  seen(): string[];
  close(): Promise<void>;
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      seen.push(chunk.toString('latin1').split('\r\n', 1)[0]!.slice(0, 300));
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    port,
    seen: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
