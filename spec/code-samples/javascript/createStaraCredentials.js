const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/stara-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apiKey: 'YOUR_STARA_API_KEY',
  accessToken: 'THE_USERS_STARA_ACCESS_TOKEN',
  accessTokenClient: 'YOUR_STARA_CLIENT_ACCESS_TOKEN',
  refreshToken: 'THE_USERS_STARA_REFRESH_TOKEN',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
