// Sandbox: runs viewers' TypeScript snippets isolated from the deck (design B of
// research/sandbox.md). Owns the message protocol (types only), the host (main thread:
// lifecycle, timeouts, Stop, validation), the shell (inside the sandboxed iframe) and the
// runner (inside each run's Blob Worker; the only file that imports `core`).
// May import: its own files; `core` from runner.ts only. The deck uses this file.
export { createSandboxHost, type RunOptions, type SandboxHost, type SandboxHostOptions } from './host';
export type * from './protocol';
export { DEFAULT_TIMEOUT_MS } from './limits';
export { MODULE_NAME } from './wrap';
export { SNIPPET_API_DTS } from './snippet-api';
