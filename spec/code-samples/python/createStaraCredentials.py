import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/stara-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apiKey': 'YOUR_STARA_API_KEY',
    'accessToken': 'THE_USERS_STARA_ACCESS_TOKEN',
    'accessTokenClient': 'YOUR_STARA_CLIENT_ACCESS_TOKEN',
    'refreshToken': 'THE_USERS_STARA_REFRESH_TOKEN',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
