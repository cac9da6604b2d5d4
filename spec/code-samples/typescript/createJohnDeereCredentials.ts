import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/john-deere-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    clientKey: 'YOUR_JOHN_DEERE_CLIENT_KEY',
    clientSecret: 'YOUR_JOHN_DEERE_CLIENT_SECRET',
    refreshToken: 'THE_USERS_JOHN_DEERE_REFRESH_TOKEN',
    clientEnvironment: 'PRODUCTION',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
