const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientKey: 'example-deere-client-key',
  clientSecret: 'example-deere-client-secret',
  refreshToken: 'example-deere-refresh-token',
  clientEnvironment: 'PRODUCTION',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
