const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/ag-leader-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  refreshToken: 'example-agleader-refresh-token',
  publicKey: 'example-agleader-public-key',
  privateKey: 'example-agleader-private-key',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
