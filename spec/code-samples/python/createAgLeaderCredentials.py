import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/ag-leader-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'refreshToken': 'THE_USERS_AGLEADER_REFRESH_TOKEN',
    'publicKey': 'YOUR_AGLEADER_PUBLIC_KEY',
    'privateKey': 'YOUR_AGLEADER_PRIVATE_KEY',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
