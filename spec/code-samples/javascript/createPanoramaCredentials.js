const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/panorama-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'YOUR_PANORAMA_CLIENT_ID',
  username: 'THE_USERS_PANORAMA_USERNAME',
  password: 'THE_USERS_PANORAMA_PASSWORD',
  organizationCode: 'THE_USERS_PANORAMA_ORGANIZATION_CODE',
  refreshToken: 'THE_USERS_PANORAMA_REFRESH_TOKEN',
  clientEnvironment: 'PRODUCTION',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
