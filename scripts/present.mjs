// `npm run present [-- --port 5180 --host 0.0.0.0 --no-build]`: give the talk to the room.
// Builds the deck when dist/ is missing or older than its sources, serves it and the room's
// WebSocket relay (src/room/relay.ts) on one port, and prints the audience URL (also as a QR
// code) and the presenter URL with a fresh random token. For a trusted local network only.
//
// The relay is TypeScript, and Node 20 cannot run .ts: each start bundles it (with the room
// protocol it imports) by Vite's SSR build, so the protocol has one source for the relay, its
// tests and the browser, and no compiled copy can go stale.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderUnicodeCompact } from 'uqr';
import { staticHandler } from './static-server.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** What the build reads: newer files here than dist/index.html mean a rebuild. */
const SOURCES = ['src', 'slides', 'assets', 'index.html', 'vite.config.ts', 'package.json'];
const USAGE = 'usage: npm run present -- [--port 5180] [--host 0.0.0.0] [--no-build]';

/** The command line: port (default 5180), host to bind (default every interface), whether to build. */
export function presentOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '0.0.0.0' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new Error(`--port wants a number from 0 to 65535, not ${JSON.stringify(values.port)}`);
  return { port, host: values.host, build: !values['no-build'] };
}

const LOOPBACK = /^(127\.|::1$|localhost$|\[::1\]$)/;

/** The address to print: 127.0.0.1 for a loopback host, the host itself if it is one address, else the first LAN IPv4. */
export function lanAddress(host, interfaces = networkInterfaces()) {
  if (LOOPBACK.test(host)) return '127.0.0.1';
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return '127.0.0.1';
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Whether `dist` must be (re)built: no index.html, or a source newer than it. */
export function needsBuild(dist, root = ROOT) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  return Math.max(...SOURCES.map((name) => newest(join(root, name)))) > statSync(index).mtimeMs;
}

/**
 * Loads the relay from its TypeScript source (see the header): Vite bundles it in a child
 * process, so the server that runs the talk does not carry Vite and Rolldown in its memory.
 * Each start builds into its own folder (parallel starts cannot collide), removed once loaded.
 */
async function loadRelay() {
  const outDir = join(ROOT, 'node_modules/.cache/rectify-room', `${process.pid}-${randomBytes(4).toString('hex')}`);
  const code = `const { build } = await import('vite');
    await build({ root: ${JSON.stringify(ROOT)}, configFile: false, logLevel: 'warn',
      build: { ssr: 'src/room/relay.ts', outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'relay.mjs' } } } });`;
  const built = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    if (built.status !== 0) throw new Error('could not build the relay (src/room/relay.ts): see the messages above');
    return await import(pathToFileURL(join(outDir, 'relay.mjs')).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The mark by which the deck knows a relay serves it (src/audience/room-page.ts): no mark, no socket. */
export const ROOM_MARK = '<meta name="rectify-room" content="/room">';

/** `handler`, except that the deck's page (`/`, `/index.html`) carries ROOM_MARK. */
export function markedAsRoom(handler, dist) {
  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (request.method !== 'GET' || (path !== '/' && path !== '/index.html')) return handler(request, response);
    try {
      const page = await readFile(join(dist, 'index.html'), 'utf8');
      const body = page.includes('<head>') ? page.replace('<head>', `<head>\n    ${ROOM_MARK}`) : ROOM_MARK + page;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  };
}

/**
 * Serves `dist` and the relay on `host:port` (port 0: any free port). Returns the URLs, the
 * relay (its counters and snapshot) and `close()`.
 */
export async function startPresent({ dist, host, port, token = randomBytes(18).toString('base64url'), log = () => {} }) {
  const { attachRelay } = await loadRelay();
  const server = createServer(markedAsRoom(staticHandler(dist), dist));
  const relay = attachRelay({ server, token, log, allowedHosts: [hostname(), `${hostname()}.local`] });
  try {
    await new Promise((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, done);
    });
  } catch (error) {
    await relay.close();
    throw error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use on ${host}: try --port ${port + 1}`) : error;
  }
  const base = `http://${lanAddress(host)}:${server.address().port}/`;
  return {
    audience: base,
    presenter: `${base}?presenter=${token}`,
    port: server.address().port,
    relay,
    async close() {
      await relay.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done()));
    },
  };
}

async function main() {
  let options;
  try {
    options = presentOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const dist = resolve(ROOT, process.env.RECTIFY_DIST ?? 'dist');
  if (options.build && needsBuild(dist)) {
    console.log(`Building the deck into ${dist} …`);
    const built = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  } else if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${dist} has no built deck: run without --no-build.`);
    process.exit(1);
  }
  let room;
  try {
    room = await startPresent({ dist, host: options.host, port: options.port, log: (line) => console.error(line) });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const where = options.host === '0.0.0.0' || options.host === '::' ? 'every network interface' : options.host;
  console.log(renderUnicodeCompact(room.audience, { border: 1 }));
  console.log(`Serving on ${where}, port ${room.port} — for a trusted local network only. Ctrl+C stops.`);
  console.log(`Keep the presenter URL off the projector: its token lets whoever holds it drive the talk.`);
  console.log(`audience: ${room.audience}`);
  console.log(`presenter: ${room.presenter}`);
  const stop = async () => {
    await room.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
