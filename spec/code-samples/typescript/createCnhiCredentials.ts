import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.cnhi.create('{leafUserId}', {
  clientId: 'example-cnhi-client-id',
  clientSecret: 'example-cnhi-client-secret',
  subscriptionKey: 'example-cnhi-subscription-key',
  refreshToken: 'example-cnhi-refresh-token',
  clientEnvironment: 'PRODUCTION',
});
console.log(JSON.stringify(credentials, null, 2));
