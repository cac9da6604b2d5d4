import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials/events'
headers = {'Authorization': f'Bearer {TOKEN}'}
params = {
    'page': 0,
    'size': 20,
    'sort': 'createdDate,desc',
}

response = requests.get(endpoint, headers=headers, params=params)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
