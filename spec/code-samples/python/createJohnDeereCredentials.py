import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientKey': 'YOUR_JOHN_DEERE_CLIENT_KEY',
    'clientSecret': 'YOUR_JOHN_DEERE_CLIENT_SECRET',
    'refreshToken': 'THE_USERS_JOHN_DEERE_REFRESH_TOKEN',
    'clientEnvironment': 'PRODUCTION',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
