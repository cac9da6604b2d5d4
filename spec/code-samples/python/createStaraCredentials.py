import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/stara-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apiKey': 'example-stara-api-key',
    'accessToken': 'example-stara-access-token',
    'accessTokenClient': 'example-stara-client-access-token',
    'refreshToken': 'example-stara-refresh-token',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
