const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-slingshot-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  apiKey: 'example-slingshot-api-key',
  accessKey: 'example-slingshot-access-key',
  sharedSecret: 'example-slingshot-shared-secret',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
