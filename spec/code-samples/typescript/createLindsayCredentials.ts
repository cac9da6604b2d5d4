import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/lindsay-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    clientId: 'YOUR_LINDSAY_CLIENT_ID',
    clientSecret: 'YOUR_LINDSAY_CLIENT_SECRET',
    refreshToken: 'THE_USERS_LINDSAY_REFRESH_TOKEN',
    clientEnvironment: 'STAGE',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
