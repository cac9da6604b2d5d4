import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

await leaf.users.delete('{leafUserId}');
console.log('Deleted a Leaf user.');
