const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/cnhi-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'example-cnhi-client-id',
  clientSecret: 'example-cnhi-client-secret',
  subscriptionKey: 'example-cnhi-subscription-key',
  refreshToken: 'example-cnhi-refresh-token',
  clientEnvironment: 'PRODUCTION',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
