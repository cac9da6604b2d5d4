import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/valley-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'apid': 'YOUR_VALLEY_APID',
    'initializationVector': 'YOUR_VALLEY_INITIALIZATION_VECTOR',
    'key': 'YOUR_VALLEY_KEY',
    'username': 'THE_USERS_VALLEY_USERNAME',
    'password': 'THE_USERS_VALLEY_PASSWORD',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
