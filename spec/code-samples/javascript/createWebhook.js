const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/alerts/api/alerts/webhooks';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  events: ['credentialsUnauthenticated', 'credentialsLimitedPermission'],
  name: 'Credential alerts',
  secret: 'YOUR_WEBHOOK_SECRET',
  url: 'https://example.com/leaf/credential-alerts',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
