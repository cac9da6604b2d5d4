import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/valley-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    apid: 'YOUR_VALLEY_APID',
    initializationVector: 'YOUR_VALLEY_INITIALIZATION_VECTOR',
    key: 'YOUR_VALLEY_KEY',
    username: 'THE_USERS_VALLEY_USERNAME',
    password: 'THE_USERS_VALLEY_PASSWORD',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
