import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await leaf.raven.create('{leafUserId}', {
  clientId: 'example-raven-client-id',
  clientSecret: 'example-raven-client-secret',
  refreshToken: 'example-raven-refresh-token',
});
console.log(JSON.stringify(credentials, null, 2));
