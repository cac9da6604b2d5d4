import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/cnhi-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    clientId: 'YOUR_CNHI_CLIENT_ID',
    clientSecret: 'YOUR_CNHI_CLIENT_SECRET',
    subscriptionKey: 'YOUR_CNHI_SUBSCRIPTION_KEY',
    refreshToken: 'THE_USERS_CNHI_REFRESH_TOKEN',
    clientEnvironment: 'PRODUCTION',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
