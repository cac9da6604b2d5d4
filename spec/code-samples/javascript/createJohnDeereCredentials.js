const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientKey: 'YOUR_JOHN_DEERE_CLIENT_KEY',
  clientSecret: 'YOUR_JOHN_DEERE_CLIENT_SECRET',
  refreshToken: 'THE_USERS_JOHN_DEERE_REFRESH_TOKEN',
  clientEnvironment: 'PRODUCTION',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
