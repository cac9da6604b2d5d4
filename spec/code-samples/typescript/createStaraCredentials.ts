import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.stara.create('{leafUserId}', {
  apiKey: 'example-stara-api-key',
  accessToken: 'example-stara-access-token',
  accessTokenClient: 'example-stara-client-access-token',
  refreshToken: 'example-stara-refresh-token',
});
console.log(JSON.stringify(credentials, null, 2));
