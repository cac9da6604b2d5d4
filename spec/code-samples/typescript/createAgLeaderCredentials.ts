import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.agLeader.create('{leafUserId}', {
  refreshToken: 'example-agleader-refresh-token',
  publicKey: 'example-agleader-public-key',
  privateKey: 'example-agleader-private-key',
});
console.log(JSON.stringify(credentials, null, 2));
