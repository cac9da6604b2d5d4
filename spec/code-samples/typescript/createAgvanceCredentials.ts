import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await leaf.agvance.create('{leafUserId}', {
  apiKey: 'example-agvance-api-key',
  clientEnvironment: 'PRODUCTION',
  databaseId: 'example-agvance-database',
  password: 'example-agvance-password',
  username: 'grower@example.com',
});
console.log(JSON.stringify(credentials, null, 2));
