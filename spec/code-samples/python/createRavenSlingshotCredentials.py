import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-slingshot-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apiKey': 'YOUR_SLINGSHOT_API_KEY',
    'accessKey': 'THE_USERS_SLINGSHOT_ACCESS_KEY',
    'sharedSecret': 'THE_USERS_SLINGSHOT_SHARED_SECRET',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
