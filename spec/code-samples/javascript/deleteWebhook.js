const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/alerts/api/alerts/webhooks/{webhookId}';
const headers = { Authorization: `Bearer ${TOKEN}` };

axios
  .delete(endpoint, { headers })
  .then((response) => console.log(response.status))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
