// The deck's sandbox client in Node, where no sandbox can start (no document): warming it up
// must fail quietly, since the run that needs the sandbox reports (and retries) its start.
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxClient } from '../../../src/live/sandbox-client';

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', record);
  unhandled.length = 0;
});

/** Resolves after Node has had its chance to report unhandled rejections (they follow the microtasks). */
const afterRejectionChecks = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describe('sandbox client', () => {
  it('prewarm leaves no unhandled rejection when the sandbox cannot start', async () => {
    process.on('unhandledRejection', record);
    const client = createSandboxClient();
    client.prewarm();
    // Control: starting the sandbox does fail here, and an uncaught failure is seen by the listener.
    await expect(client.sandbox().then((host) => host.prewarm())).rejects.toThrow();
    void Promise.reject(new Error('control'));
    await afterRejectionChecks();
    expect(unhandled).toEqual([new Error('control')]);
  });
});
