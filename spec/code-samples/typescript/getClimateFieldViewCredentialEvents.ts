import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const events = await client.climateFieldView.events('{leafUserId}');
console.log(JSON.stringify(events, null, 2));
