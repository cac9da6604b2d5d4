/**
 * `@leaf-credentials/spec`: the bundled OpenAPI document this package ships
 * (`readBundledSpec()`, or the files themselves as `@leaf-credentials/spec/leaf-credentials.json`
 * and `.yaml`), the model that answers questions about it (`specModel()`), and the
 * bearer-token rule and Leaf's JSON writer for signed webhook bodies (also
 * `@leaf-credentials/spec/bearer-token` and `/leaf-json`, import-free for bundlers).
 */
export * from './bearer-token.js';
export * from './examples.js';
export * from './json-pointer.js';
export * from './leaf-json.js';
export * from './model.js';
export * from './providers.js';
export * from './spec.js';
