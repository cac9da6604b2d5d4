// Brings in the global setups' `inject('mockUrl')` / `inject('sandboxUrl')` typing for this package's tests.
import '@leaf-credentials/mock/vitest-global-setup';
import '@leaf-credentials/mock/vitest-sandbox-setup';
