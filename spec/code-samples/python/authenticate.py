import json

import requests

endpoint = 'https://api.withleaf.io/api/authenticate'

data = {
    'username': 'you@example.com',
    'password': 'YOUR_LEAF_PASSWORD',
    'rememberMe': 'true',
}

response = requests.post(endpoint, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
