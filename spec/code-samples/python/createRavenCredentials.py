import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'YOUR_RAVEN_CLIENT_ID',
    'clientSecret': 'YOUR_RAVEN_CLIENT_SECRET',
    'refreshToken': 'THE_USERS_RAVEN_REFRESH_TOKEN',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
