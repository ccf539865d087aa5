// Modules provided by `precomputedOutputsPlugin()` (scripts/precompute-outputs.ts).

declare module 'virtual:precomputed-outputs/zh' {
  /** The Chinese deck's precomputed outputs, by block id. */
  const table: import('./precomputed').PrecomputedOutputs;
  export default table;
}

declare module 'virtual:precomputed-outputs/en' {
  /** The English deck's precomputed outputs, by block id. */
  const table: import('./precomputed').PrecomputedOutputs;
  export default table;
}
