import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const { data: user } = await leaf.raw.PUT('/users', {
  body: {
    id: '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f',
    name: 'Ada Fieldhouse',
    email: 'ada@example.com',
    phone: '+1 555 0100',
    address: '1200 Prairie Road, Ames, IA 50010',
    externalId: 'grower-0042',
    trimbleCredentials: {
      id: '3b9d5c1e-7f2a-4e8b-a6d4-0c1f2e3a4b5c',
    },
  },
});
console.log(JSON.stringify(user, null, 2));
