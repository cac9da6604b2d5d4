import requests

TOKEN = 'YOUR_TOKEN'
endpoint = 'https://api.withleaf.io/services/alerts/api/alerts/webhooks/{webhookId}'
headers = {'Authorization': f'Bearer {TOKEN}'}

response = requests.delete(endpoint, headers=headers)
response.raise_for_status()
print(response.status_code)
