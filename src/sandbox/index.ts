// Sandbox: runs viewers' TypeScript snippets isolated from the deck (design B of
// research/sandbox.md). Owns the message protocol (protocol.ts, with the plot shapes of
// plot-spec.ts), the host (main thread: lifecycle, timeouts, Stop, validation), the shell
// (inside the sandboxed iframe), the runner (inside each run's Blob Worker) and the snippet
// API it gives snippets (declared in snippet-api.ts, built by snippet-module.ts: the only file
// that imports `core`).
// May import: its own files; `core` from snippet-module.ts only. This file is the surface for
// the sandbox's test page (test/fixtures/sandbox); the deck imports host.ts lazily and the
// protocol's types.
export { createSandboxHost, type RunOptions, type SandboxHost, type SandboxHostOptions } from './host';
export type * from './protocol';
export { DEFAULT_TIMEOUT_MS } from './limits';
export { MODULE_NAME } from './wrap';
