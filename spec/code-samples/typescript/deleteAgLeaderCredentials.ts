import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

await leaf.agLeader.delete('{leafUserId}');
console.log('Deleted the AgLeader credentials.');
