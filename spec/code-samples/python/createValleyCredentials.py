import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/valley-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apid': 'example-valley-apid',
    'initializationVector': 'example-valley-initialization-vector',
    'key': 'example-valley-key',
    'username': 'grower@example.com',
    'password': 'example-valley-password',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
