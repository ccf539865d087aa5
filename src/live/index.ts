/**
 * The live-code feature's one public entry: what the deck's wiring and the speaker and
 * reader tools may use. Everything else under src/live/ is its inside.
 */
export { createLiveCode, type LiveCode, type LiveCodeOptions } from './live-code';
export { LIVE_EDITED, type LinkedCode, type LiveBlock } from './live-block';
export { nearbySlides, prepareSlidesNearView } from './slides-near';
export { whenIdle } from './when-idle';
