import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/agvance-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apiKey': 'example-agvance-api-key',
    'clientEnvironment': 'PRODUCTION',
    'databaseId': 'example-agvance-database',
    'password': 'example-agvance-password',
    'username': 'grower@example.com',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
