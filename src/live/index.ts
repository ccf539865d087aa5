/**
 * The live-code feature's one public entry: what the deck's wiring and the speaker and
 * reader tools may use. Everything else under src/live/ is its inside.
 */
export { createLiveCode, type LiveCode, type LiveCodeOptions } from './live-code';
export { type LiveBlock, type LiveStatus } from './live-block';
export { type BlockFeature, type BlockPlan, type StartingCode } from './block-feature';
export { type BlockEventMap, type RunOrigin } from './block-events';
export { BLOCK_ID, blockIdFromStorageKey } from './block-id';
export { type LinkedCode } from './linked-edits';
export { nearbySlides, prepareSlidesNearView } from './slides-near';
export { afterNextFrame, whenIdle } from './when-idle';
