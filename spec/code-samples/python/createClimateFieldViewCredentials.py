import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'YOUR_FIELDVIEW_CLIENT_ID',
    'clientSecret': 'YOUR_FIELDVIEW_CLIENT_SECRET',
    'apiKey': 'YOUR_FIELDVIEW_API_KEY',
    'refreshToken': 'THE_USERS_FIELDVIEW_REFRESH_TOKEN',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
