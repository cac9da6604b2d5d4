const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/lindsay-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'YOUR_LINDSAY_CLIENT_ID',
  clientSecret: 'YOUR_LINDSAY_CLIENT_SECRET',
  refreshToken: 'THE_USERS_LINDSAY_REFRESH_TOKEN',
  clientEnvironment: 'STAGE',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
