import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: events, error } = await client.raw.GET('/users/{leafUserId}/john-deere-credentials/events', {
  params: { path: { leafUserId: '{leafUserId}' } },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(events, null, 2));
