import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const page = await leaf.users.list({ page: 0, size: 20, sort: 'name,asc', email: 'ada@example.com' });
console.log(JSON.stringify(page.items, null, 2));
