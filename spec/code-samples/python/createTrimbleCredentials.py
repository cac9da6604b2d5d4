import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/trimble-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'example-trimble-client-id',
    'clientSecret': 'example-trimble-client-secret',
    'refreshToken': 'example-trimble-refresh-token',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
