import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/trimble-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'YOUR_TRIMBLE_CLIENT_ID',
    'clientSecret': 'YOUR_TRIMBLE_CLIENT_SECRET',
    'refreshToken': 'THE_USERS_TRIMBLE_REFRESH_TOKEN',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
