const axios = require('axios');

const TOKEN = 'YOUR_TOKEN';
const endpoint = 'https://api.withleaf.io/services/usermanagement/api/users';
const headers = { Authorization: `Bearer ${TOKEN}` };

const data = {
  name: 'Ada Fieldhouse',
  email: 'ada@example.com',
  phone: '+1 555 0100',
  address: '1200 Prairie Road, Ames, IA 50010',
  externalId: 'grower-0042',
};

axios
  .post(endpoint, data, { headers })
  .then((response) => console.log(JSON.stringify(response.data, null, 2)))
  .catch((error) => {
    console.error(error.response?.data ?? error.message);
    process.exitCode = 1;
  });
