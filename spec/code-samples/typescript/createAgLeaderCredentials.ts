import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/ag-leader-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    refreshToken: 'THE_USERS_AGLEADER_REFRESH_TOKEN',
    publicKey: 'YOUR_AGLEADER_PUBLIC_KEY',
    privateKey: 'YOUR_AGLEADER_PRIVATE_KEY',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
