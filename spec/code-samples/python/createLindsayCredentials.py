import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/lindsay-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'YOUR_LINDSAY_CLIENT_ID',
    'clientSecret': 'YOUR_LINDSAY_CLIENT_SECRET',
    'refreshToken': 'THE_USERS_LINDSAY_REFRESH_TOKEN',
    'clientEnvironment': 'STAGE',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
