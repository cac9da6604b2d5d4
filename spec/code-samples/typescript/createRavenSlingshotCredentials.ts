import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const credentials = await leaf.ravenSlingshot.create('{leafUserId}', {
  apiKey: 'example-slingshot-api-key',
  accessKey: 'example-slingshot-access-key',
  sharedSecret: 'example-slingshot-shared-secret',
});
console.log(JSON.stringify(credentials, null, 2));
