const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/lindsay-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'example-lindsay-client-id',
  clientSecret: 'example-lindsay-client-secret',
  refreshToken: 'example-lindsay-refresh-token',
  clientEnvironment: 'STAGE',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
