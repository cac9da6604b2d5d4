import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/raven-slingshot-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    apiKey: 'YOUR_SLINGSHOT_API_KEY',
    accessKey: 'THE_USERS_SLINGSHOT_ACCESS_KEY',
    sharedSecret: 'THE_USERS_SLINGSHOT_SHARED_SECRET',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
