import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/sentera-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'username': 'grower@example.com',
    'password': 'example-sentera-password',
    'organizationName': 'Example Farms',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
