import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.climateFieldView.create('{leafUserId}', {
  clientId: 'example-fieldview-client-id',
  clientSecret: 'example-fieldview-client-secret',
  apiKey: 'example-fieldview-api-key',
  refreshToken: 'example-fieldview-refresh-token',
});
console.log(JSON.stringify(credentials, null, 2));
