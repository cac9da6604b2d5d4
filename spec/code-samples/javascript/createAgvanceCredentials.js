const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/agvance-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apiKey: 'YOUR_AGVANCE_API_KEY',
  clientEnvironment: 'PRODUCTION',
  databaseId: 'THE_USERS_AGVANCE_DATABASE_ID',
  password: 'THE_USERS_AGVANCE_PASSWORD',
  username: 'THE_USERS_AGVANCE_USERNAME',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
