import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/alerts/api/alerts',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const failedWebhookCalls = await leaf.webhooks.failedCalls();
console.log(JSON.stringify(failedWebhookCalls, null, 2));
