import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const status = await client.climateFieldView.status('{leafUserId}');
console.log(JSON.stringify(status, null, 2));
