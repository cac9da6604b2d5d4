const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/alerts/api/alerts/webhooks/{webhookId}';
const headers = { Authorization: `Bearer ${TOKEN}` };

axios
  .get(endpoint, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
