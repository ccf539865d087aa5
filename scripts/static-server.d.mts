/** A running server: its base URL (ending in the prefix) and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}
export declare function serveStatic(dir: string, prefix?: string): Promise<StaticServer>;
/** The request handler that serves `dir` under `prefix`. */
export declare function staticHandler(
  dir: string,
  prefix?: string,
): (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>;
