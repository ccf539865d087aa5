/**
 * A minimal static file server for browser tests: serves a built deck under any path
 * prefix, to prove the build works from a sub-path (a USB stick, a project page).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A running server: its base URL (ending in the prefix and `/`) and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` at `http://127.0.0.1:<port><prefix>`; anything outside the prefix is a 404. */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let relative = normalize(path.slice(prefix.length) || '.').replace(/^(\.\.(\/|$))+/, '');
    if (relative === '.') relative = 'index.html';
    else if (relative.endsWith('/')) relative += 'index.html';
    try {
      const body = await readFile(join(dir, relative));
      response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
