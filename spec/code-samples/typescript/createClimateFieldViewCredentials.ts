import { createLeafCredentialsClient } from '@leaf-credentials/client';

const client = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const credentials = await client.climateFieldView.create('{leafUserId}', {
  clientId: 'YOUR_FIELDVIEW_CLIENT_ID',
  clientSecret: 'YOUR_FIELDVIEW_CLIENT_SECRET',
  apiKey: 'YOUR_FIELDVIEW_API_KEY',
  refreshToken: 'THE_USERS_FIELDVIEW_REFRESH_TOKEN',
});
console.log(JSON.stringify(credentials, null, 2));
