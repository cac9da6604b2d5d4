import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/stara-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    apiKey: 'YOUR_STARA_API_KEY',
    accessToken: 'THE_USERS_STARA_ACCESS_TOKEN',
    accessTokenClient: 'YOUR_STARA_CLIENT_ACCESS_TOKEN',
    refreshToken: 'THE_USERS_STARA_REFRESH_TOKEN',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
