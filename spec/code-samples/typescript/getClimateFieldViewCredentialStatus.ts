import { createLeafCredentialsClient } from '@leaf-credentials/client';

const leaf = createLeafCredentialsClient({
  baseUrl: 'https://api.withleaf.io/services/usermanagement/api',
  token: 'YOUR_TOKEN',
});

const status = await leaf.climateFieldView.status('{leafUserId}');
console.log(JSON.stringify(status, null, 2));
