import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.valley.create('{leafUserId}', {
  apid: 'example-valley-apid',
  initializationVector: 'example-valley-initialization-vector',
  key: 'example-valley-key',
  username: 'grower@example.com',
  password: 'example-valley-password',
});
console.log(JSON.stringify(credentials, null, 2));
