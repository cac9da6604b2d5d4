/**
 * Repo tooling, not the spec: where the repo is, CI detection, the one way to
 * run the repo's own binaries, and the pending changesets.
 */

export * from './changesets.js';
export * from './format.js';
export * from './local-bin.js';
export * from './repo.js';
