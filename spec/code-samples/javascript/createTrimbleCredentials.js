const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/trimble-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'example-trimble-client-id',
  clientSecret: 'example-trimble-client-secret',
  refreshToken: 'example-trimble-refresh-token',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
