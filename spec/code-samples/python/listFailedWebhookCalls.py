import json

import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/alerts/api/alerts/webhooks/failed-calls'
headers = {'Authorization': f'Bearer {TOKEN}'}

response = requests.get(endpoint, headers=headers)
response.raise_for_status()
print(json.dumps(response.json(), indent=2))
