import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const { data: credentials, error } = await client.raw.POST('/users/{leafUserId}/sentera-credentials', {
  params: { path: { leafUserId: '{leafUserId}' } },
  body: {
    username: 'THE_USERS_SENTERA_USERNAME',
    password: 'THE_USERS_SENTERA_PASSWORD',
    organizationName: 'Example Farms',
  },
});
if (error) {
  console.error(error);
  process.exit(1);
}
console.log(JSON.stringify(credentials, null, 2));
