import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await leaf.ravenSlingshot.create('{leafUserId}', {
  apiKey: 'example-slingshot-api-key',
  accessKey: 'example-slingshot-access-key',
  sharedSecret: 'example-slingshot-shared-secret',
});
console.log(JSON.stringify(credentials, null, 2));
