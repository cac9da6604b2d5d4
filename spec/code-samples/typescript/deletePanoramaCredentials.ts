import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { error } = await client.raw.DELETE('/users/{leafUserId}/panorama-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log('Deleted the Panorama credentials.');
