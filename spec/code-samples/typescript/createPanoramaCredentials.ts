import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.panorama.create('{leafUserId}', {
  clientId: 'example-panorama-client-id',
  username: 'grower@example.com',
  password: 'example-panorama-password',
  organizationCode: 'EXAMPLE-ORG-42',
  refreshToken: 'example-panorama-refresh-token',
  clientEnvironment: 'PRODUCTION',
});
console.log(JSON.stringify(credentials, null, 2));
