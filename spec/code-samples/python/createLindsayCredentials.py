import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/lindsay-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'example-lindsay-client-id',
    'clientSecret': 'example-lindsay-client-secret',
    'refreshToken': 'example-lindsay-refresh-token',
    'clientEnvironment': 'STAGE',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
