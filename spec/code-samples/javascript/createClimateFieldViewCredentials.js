const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  clientId: 'YOUR_FIELDVIEW_CLIENT_ID',
  clientSecret: 'YOUR_FIELDVIEW_CLIENT_SECRET',
  apiKey: 'YOUR_FIELDVIEW_API_KEY',
  refreshToken: 'THE_USERS_FIELDVIEW_REFRESH_TOKEN',
};

axios.post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
