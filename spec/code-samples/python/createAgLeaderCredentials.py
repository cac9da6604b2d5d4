import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/ag-leader-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'refreshToken': 'example-agleader-refresh-token',
    'publicKey': 'example-agleader-public-key',
    'privateKey': 'example-agleader-private-key',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
