const axios = require('axios');

const endpoint = 'https://api.withleaf.io/api/authenticate';

const data = {
  username: 'you@example.com',
  password: 'YOUR_LEAF_PASSWORD',
  rememberMe: 'true',
};

axios
  .post(endpoint, data)
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
