import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const user = await leaf.users.create({
  name: 'Ada Fieldhouse',
  email: 'ada@example.com',
  phone: '+1 555 0100',
  address: '1200 Prairie Road, Ames, IA 50010',
  externalId: 'grower-0042',
});
console.log(JSON.stringify(user, null, 2));
