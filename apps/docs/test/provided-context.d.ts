// Brings in the mock's `inject('mockUrl')` typing (declared by its vitest global setup).
import '@leaf-credentials/mock/vitest-global-setup';
