// Brings in the mock's `inject('mockUrl')` and the sandbox's `inject('sandboxUrl')` typing (declared by their vitest global setups).
import '@leaf-credentials/mock/vitest-global-setup';
import '@leaf-credentials/mock/vitest-sandbox-setup';
