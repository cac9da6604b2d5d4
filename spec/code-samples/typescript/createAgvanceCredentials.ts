import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/agvance-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    apiKey: 'YOUR_AGVANCE_API_KEY',
    clientEnvironment: 'PRODUCTION',
    databaseId: 'THE_USERS_AGVANCE_DATABASE_ID',
    password: 'THE_USERS_AGVANCE_PASSWORD',
    username: 'THE_USERS_AGVANCE_USERNAME',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
