import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/panorama-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'YOUR_PANORAMA_CLIENT_ID',
    'username': 'THE_USERS_PANORAMA_USERNAME',
    'password': 'THE_USERS_PANORAMA_PASSWORD',
    'organizationCode': 'THE_USERS_PANORAMA_ORGANIZATION_CODE',
    'refreshToken': 'THE_USERS_PANORAMA_REFRESH_TOKEN',
    'clientEnvironment': 'PRODUCTION',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
