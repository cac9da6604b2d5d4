import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await client.trimble.create('{leafUserId}', {
  clientId: 'YOUR_TRIMBLE_CLIENT_ID',
  clientSecret: 'YOUR_TRIMBLE_CLIENT_SECRET',
  refreshToken: 'THE_USERS_TRIMBLE_REFRESH_TOKEN',
});
console.log(JSON.stringify(credentials, null, 2));
