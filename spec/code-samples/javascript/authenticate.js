const axios = require('axios');

const endpoint = 'https://api.withleaf.io/api/authenticate';

const data = {
  username: 'YOUR_LEAF_USERNAME',
  password: 'YOUR_LEAF_PASSWORD',
  rememberMe: 'true',
};

axios.post(endpoint, data)
  .then((response) => {
    const token = response.data.id_token;
    // The token is a secret: keep it out of logs, send it as the bearer token.
    console.log(`Signed in; the token has ${token.length} characters.`);
  })
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
