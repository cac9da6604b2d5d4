// Brings in the mock's `inject('mockUrl')` typing for the test files.
import '@leaf-credentials/mock/vitest-global-setup';
