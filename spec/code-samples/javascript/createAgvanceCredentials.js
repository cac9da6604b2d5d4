const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/agvance-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apiKey: 'example-agvance-api-key',
  clientEnvironment: 'PRODUCTION',
  databaseId: 'example-agvance-database',
  password: 'example-agvance-password',
  username: 'grower@example.com',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
