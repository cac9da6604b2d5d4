import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await leaf.sentera.create('{leafUserId}', {
  username: 'grower@example.com',
  password: 'example-sentera-password',
  organizationName: 'Example Farms',
});
console.log(JSON.stringify(credentials, null, 2));
