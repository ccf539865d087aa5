/** A running server: its base URL (ending in the prefix) and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}
export declare function serveStatic(dir: string, prefix?: string): Promise<StaticServer>;
