import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/alerts/api/alerts',
  auth: { username: 'YOUR_LEAF_USERNAME', password: 'YOUR_LEAF_PASSWORD' },
});

const webhook = await leaf.webhooks.create({
  events: ['credentialsUnauthenticated', 'credentialsLimitedPermission'],
  name: 'Credential alerts',
  secret: 'YOUR_WEBHOOK_SECRET',
  url: 'https://example.com/leaf/credential-alerts',
});
console.log(JSON.stringify(webhook, null, 2));
