const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/panorama-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'example-panorama-client-id',
  username: 'grower@example.com',
  password: 'example-panorama-password',
  organizationCode: 'EXAMPLE-ORG-42',
  refreshToken: 'example-panorama-refresh-token',
  clientEnvironment: 'PRODUCTION',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
