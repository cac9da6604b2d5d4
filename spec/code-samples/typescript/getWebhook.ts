import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/alerts/api/alerts',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const webhook = await leaf.webhooks.get('{webhookId}');
console.log(JSON.stringify(webhook, null, 2));
