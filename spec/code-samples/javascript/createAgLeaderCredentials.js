const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/ag-leader-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  refreshToken: 'THE_USERS_AGLEADER_REFRESH_TOKEN',
  publicKey: 'YOUR_AGLEADER_PUBLIC_KEY',
  privateKey: 'YOUR_AGLEADER_PRIVATE_KEY',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
