import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const page = await leaf.panorama.events('{leafUserId}', { page: 0, size: 20, sort: 'createdDate,desc' });
console.log(JSON.stringify(page.items, null, 2));
