import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/panorama-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'example-panorama-client-id',
    'username': 'grower@example.com',
    'password': 'example-panorama-password',
    'organizationCode': 'EXAMPLE-ORG-42',
    'refreshToken': 'example-panorama-refresh-token',
    'clientEnvironment': 'PRODUCTION',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
