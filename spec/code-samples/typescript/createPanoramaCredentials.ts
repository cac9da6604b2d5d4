import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/panorama-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    clientId: 'YOUR_PANORAMA_CLIENT_ID',
    username: 'THE_USERS_PANORAMA_USERNAME',
    password: 'THE_USERS_PANORAMA_PASSWORD',
    organizationCode: 'THE_USERS_PANORAMA_ORGANIZATION_CODE',
    refreshToken: 'THE_USERS_PANORAMA_REFRESH_TOKEN',
    clientEnvironment: 'PRODUCTION',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
