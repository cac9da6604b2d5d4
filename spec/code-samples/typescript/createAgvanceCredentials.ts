import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.agvance.create('{leafUserId}', {
  apiKey: 'example-agvance-api-key',
  clientEnvironment: 'PRODUCTION',
  databaseId: 'example-agvance-database',
  password: 'example-agvance-password',
  username: 'grower@example.com',
});
console.log(JSON.stringify(credentials, null, 2));
