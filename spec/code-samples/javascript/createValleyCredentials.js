const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/valley-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apid: 'example-valley-apid',
  initializationVector: 'example-valley-initialization-vector',
  key: 'example-valley-key',
  username: 'grower@example.com',
  password: 'example-valley-password',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
