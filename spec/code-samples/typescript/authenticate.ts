import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  auth: {
    username: 'you@example.com',
    password: 'YOUR_LEAF_PASSWORD',
    rememberMe: true,
    url: 'https://api.withleaf.io/api/authenticate',
  },
});

const { expiresAt } = await leaf.authenticate();
console.log(`Signed in until ${expiresAt.toISOString()}.`);
