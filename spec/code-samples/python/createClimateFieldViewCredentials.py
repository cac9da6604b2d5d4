import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'example-fieldview-client-id',
    'clientSecret': 'example-fieldview-client-secret',
    'apiKey': 'example-fieldview-api-key',
    'refreshToken': 'example-fieldview-refresh-token',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
