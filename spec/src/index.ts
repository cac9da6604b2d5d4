/**
 * `@leaf-credentials/spec`: the bundled OpenAPI document this package ships
 * (`readBundledSpec()`, or the files themselves as `@leaf-credentials/spec/leaf-credentials.json`
 * and `.yaml`), the model that answers questions about it (`specModel()`), and the
 * bearer-token rule (also `@leaf-credentials/spec/bearer-token`, import-free for bundlers).
 */
export * from './bearer-token.js';
export * from './examples.js';
export * from './json-pointer.js';
export * from './model.js';
export * from './providers.js';
export * from './spec.js';
