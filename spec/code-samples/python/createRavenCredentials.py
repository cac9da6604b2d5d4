import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'example-raven-client-id',
    'clientSecret': 'example-raven-client-secret',
    'refreshToken': 'example-raven-refresh-token',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
