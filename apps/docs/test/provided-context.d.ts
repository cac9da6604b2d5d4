// Brings in the sandbox's `inject('sandboxUrl')` typing (declared by its vitest global setup).
import '@leaf-credentials/mock/vitest-sandbox-setup';
