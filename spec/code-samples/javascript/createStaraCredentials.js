const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/stara-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apiKey: 'example-stara-api-key',
  accessToken: 'example-stara-access-token',
  accessTokenClient: 'example-stara-client-access-token',
  refreshToken: 'example-stara-refresh-token',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
