/** The data sets: their one spec and builder (spec.ts), and what the builder is made of. */
export * from './dataset';
export * from './digits';
export * from './normalize';
export * from './planar';
export * from './presets';
export * from './spec';
