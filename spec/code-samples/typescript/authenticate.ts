import { createLeafCredentialsClient } from '@leaf-credentials/client';

// The client signs in on its first request and again shortly before the token expires.
const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD', rememberMe: true },
});

// Signing in up front is optional: it checks the username and password now rather than on the first call.
const { expiresAt } = await client.authenticate();
console.log(`Signed in until ${expiresAt.toISOString()}.`);
