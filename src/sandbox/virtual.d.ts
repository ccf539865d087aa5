// Modules provided by `sandboxRunnerPlugin()` (src/sandbox/vite-plugin.ts).

declare module 'virtual:sandbox-runner' {
  /** The runner bundle (runner + core) as the source of one classic script. */
  const source: string;
  export default source;
}

declare module 'virtual:sandbox-shell' {
  /** The shell bundle as the source of one classic inline script. */
  const source: string;
  export default source;
  /** Base64 SHA-256 of `source`, for the sandbox's CSP `script-src 'sha256-…'`. */
  export const hash: string;
}
