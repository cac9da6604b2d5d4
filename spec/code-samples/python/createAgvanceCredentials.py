import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/agvance-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apiKey': 'YOUR_AGVANCE_API_KEY',
    'clientEnvironment': 'PRODUCTION',
    'databaseId': 'THE_USERS_AGVANCE_DATABASE_ID',
    'password': 'THE_USERS_AGVANCE_PASSWORD',
    'username': 'THE_USERS_AGVANCE_USERNAME',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
