import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'name': 'Ada Fieldhouse',
    'email': 'ada@example.com',
    'phone': '+1 555 0100',
    'address': '1200 Prairie Road, Ames, IA 50010',
    'externalId': 'grower-0042',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
