// `npm run present`'s pieces: the command line, the printed address, and one port serving both
// the built deck and the relay (bound to 127.0.0.1 here).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lanAddress, presentOptions, startPresent, type PresentServer } from '../../../scripts/present.mjs';
import { closeAllClients, connect, type TestRelay } from './room-sockets';

const dist = mkdtempSync(join(tmpdir(), 'rectify-present-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>deck</title>');
let present: PresentServer | undefined;
afterAll(async () => {
  closeAllClients();
  await present?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('npm run present', () => {
  it('reads --port and --host (defaults 5180 and every interface) and refuses a bad port', () => {
    expect(presentOptions([])).toEqual({ port: 5180, host: '0.0.0.0', build: true });
    expect(presentOptions(['--port', '8080', '--host', '127.0.0.1', '--no-build'])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      build: false,
    });
    expect(() => presentOptions(['--port', 'eighty'])).toThrow('--port wants a number');
    expect(() => presentOptions(['--port', '70000'])).toThrow('--port wants a number');
  });

  it('prints 127.0.0.1 for a loopback host, the host itself for one address, else the first LAN IPv4', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: 'fe80::1', family: 'IPv6', internal: false },
        { address: '192.168.1.23', family: 'IPv4', internal: false },
      ],
    } as unknown as Parameters<typeof lanAddress>[1];
    expect(lanAddress('127.0.0.1', interfaces)).toBe('127.0.0.1');
    expect(lanAddress('localhost', interfaces)).toBe('127.0.0.1');
    expect(lanAddress('0.0.0.0', interfaces)).toBe('192.168.1.23');
    expect(lanAddress('10.0.0.7', interfaces)).toBe('10.0.0.7');
    expect(lanAddress('0.0.0.0', { lo: interfaces!.lo })).toBe('127.0.0.1');
  });

  it('serves the deck and the relay on one port; the presenter URL carries the token, the audience URL does not', async () => {
    present = await startPresent({ dist, host: '127.0.0.1', port: 0, token: 'tok-123' });
    expect(present.audience).toBe(`http://127.0.0.1:${present.port}/`);
    expect(present.presenter).toBe(`http://127.0.0.1:${present.port}/?presenter=tok-123`);
    const page = await fetch(present.presenter);
    const text = await page.text();
    expect(text).toContain('<title>deck</title>');
    // The mark by which the deck knows a relay serves it (the plain static server has none).
    expect(text).toContain('<meta name="rectify-room"');
    expect((await fetch(`${present.audience}%E0%A4%A`)).status).toBe(404); // a malformed escape: 404, server still up
    const at = { port: present.port, origin: `http://127.0.0.1:${present.port}` } as TestRelay;
    const presenter = await connect(at, { token: 'tok-123' });
    expect(await presenter.next('welcome')).toEqual({ kind: 'welcome', role: 'presenter' });
    expect(present.relay.counters.presentersJoined).toBe(1);
  });
});
