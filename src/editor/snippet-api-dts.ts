/** The declarations of the snippet module 'rectify' (the core and the runner's additions), as one .d.ts text. */
import coreDts from '../core/generated/core.d.ts.txt?raw';
import { SNIPPET_API_EXTRAS } from './snippet-api-extras';

/** The text Monaco loads at file:///node_modules/rectify/index.d.ts. */
export const SNIPPET_API_DTS = `${coreDts}\n${SNIPPET_API_EXTRAS}`;
