import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users'
headers = {'Authorization': f'Bearer {TOKEN}'}
params = {
    'page': 0,
    'size': 20,
    'sort': 'name,asc',
    'email': 'ada@example.com',
}

response = requests.get(endpoint, headers=headers, params=params)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
