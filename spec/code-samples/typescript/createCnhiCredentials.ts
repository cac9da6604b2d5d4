import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await leaf.cnhi.create('{leafUserId}', {
  clientId: 'example-cnhi-client-id',
  clientSecret: 'example-cnhi-client-secret',
  subscriptionKey: 'example-cnhi-subscription-key',
  refreshToken: 'example-cnhi-refresh-token',
  clientEnvironment: 'PRODUCTION',
});
console.log(JSON.stringify(credentials, null, 2));
