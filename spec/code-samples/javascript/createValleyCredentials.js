const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/valley-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apid: 'YOUR_VALLEY_APID',
  initializationVector: 'YOUR_VALLEY_INITIALIZATION_VECTOR',
  key: 'YOUR_VALLEY_KEY',
  username: 'THE_USERS_VALLEY_USERNAME',
  password: 'THE_USERS_VALLEY_PASSWORD',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
