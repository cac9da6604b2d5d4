import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.GET('/users/{leafUserId}/john-deere-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
