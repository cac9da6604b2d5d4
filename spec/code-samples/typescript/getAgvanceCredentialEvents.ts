import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const page = await leaf.agvance.events('{leafUserId}', { page: 0, size: 20, sort: 'createdDate,desc' });
console.log(JSON.stringify(page.items, null, 2));
