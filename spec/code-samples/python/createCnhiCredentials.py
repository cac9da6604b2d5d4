import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/cnhi-credentials'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'clientId': 'YOUR_CNHI_CLIENT_ID',
    'clientSecret': 'YOUR_CNHI_CLIENT_SECRET',
    'subscriptionKey': 'YOUR_CNHI_SUBSCRIPTION_KEY',
    'refreshToken': 'THE_USERS_CNHI_REFRESH_TOKEN',
    'clientEnvironment': 'PRODUCTION',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
