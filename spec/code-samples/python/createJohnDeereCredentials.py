import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientKey': 'example-deere-client-key',
    'clientSecret': 'example-deere-client-secret',
    'refreshToken': 'example-deere-refresh-token',
    'clientEnvironment': 'PRODUCTION',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
