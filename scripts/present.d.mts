import type { Relay } from '../src/room/relay';

/** The parsed command line of `npm run present`. */
export interface PresentOptions {
  port: number;
  host: string;
  build: boolean;
}
export declare function presentOptions(argv: string[]): PresentOptions;
export declare function lanAddress(host: string, interfaces?: NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>): string;
export declare function needsBuild(dist: string, root?: string): boolean;

/** A running `present` server. */
export interface PresentServer {
  audience: string;
  presenter: string;
  port: number;
  relay: Relay;
  close(): Promise<void>;
}
export declare function startPresent(options: {
  dist: string;
  host: string;
  port: number;
  token?: string;
  log?: (line: string) => void;
}): Promise<PresentServer>;
