/** Seeded data for the demos: random numbers, noise, pulses and templates. */
export * from './random';
export * from './noise';
export * from './pulses';
export * from './test-images';
