const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/cnhi-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'YOUR_CNHI_CLIENT_ID',
  clientSecret: 'YOUR_CNHI_CLIENT_SECRET',
  subscriptionKey: 'YOUR_CNHI_SUBSCRIPTION_KEY',
  refreshToken: 'THE_USERS_CNHI_REFRESH_TOKEN',
  clientEnvironment: 'PRODUCTION',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
