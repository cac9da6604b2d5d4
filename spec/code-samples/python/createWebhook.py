import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/alerts/api/alerts/webhooks'
headers = {'Authorization': f'Bearer {TOKEN}'}

data = {
    'events': [
        'credentialsUnauthenticated',
        'credentialsLimitedPermission',
    ],
    'name': 'Credential alerts',
    'secret': 'YOUR_WEBHOOK_SECRET',
    'url': 'https://example.com/leaf/credential-alerts',
}

response = requests.post(endpoint, headers=headers, json=data)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
