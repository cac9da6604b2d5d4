import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/alerts/api/alerts',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const webhooks = await leaf.webhooks.list();
console.log(JSON.stringify(webhooks, null, 2));
