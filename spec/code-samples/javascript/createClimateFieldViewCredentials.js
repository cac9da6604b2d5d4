const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint =
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'example-fieldview-client-id',
  clientSecret: 'example-fieldview-client-secret',
  apiKey: 'example-fieldview-api-key',
  refreshToken: 'example-fieldview-refresh-token',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
