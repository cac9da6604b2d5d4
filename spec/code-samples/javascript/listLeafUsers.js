const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users';
const headers = { Authorization: `Bearer ${TOKEN}` };
const params = {
  page: 0,
  size: 20,
  sort: 'name,asc',
  email: 'ada@example.com',
};

axios
  .get(endpoint, { headers, params })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
