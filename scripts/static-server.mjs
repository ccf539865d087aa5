// A minimal static file server for the built deck: used by `npm run pdf`, the browser tests
// and the benchmarks. Serves a folder under any path prefix, to prove the build works from
// a sub-path (a USB stick, a project page). `serveStatic` binds to loopback only; `npm run
// present` mounts `staticHandler` on the address its --host option names.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** The request handler that serves `dir` under `prefix` (anything outside it is a 404); `npm run present` mounts it next to the room's relay. */
export function staticHandler(dir, prefix = '/') {
  return async (request, response) => {
    try {
      // Inside the try: a malformed %-escape must answer 404, not crash a server the whole room uses.
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(prefix)) throw new Error('outside the prefix');
      let relative = normalize(path.slice(prefix.length) || '.').replace(/^(\.\.(\/|$))+/, '');
      if (relative === '.' || relative.endsWith('/')) relative = join(relative, 'index.html');
      const body = await readFile(join(dir, relative));
      response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  };
}

/** Serves `dir` at `http://127.0.0.1:<free port><prefix>`; anything outside the prefix is a 404. */
export async function serveStatic(dir, prefix = '/') {
  const server = createServer(staticHandler(dir, prefix));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
