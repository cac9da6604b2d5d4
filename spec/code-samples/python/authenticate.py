import requests

endpoint = 'https://api.withleaf.io/api/authenticate'

data = {
    'username': 'YOUR_LEAF_USERNAME',
    'password': 'YOUR_LEAF_PASSWORD',
    'rememberMe': 'true',
}

response = requests.post(endpoint, json=data)
response.raise_for_status()
token = response.json()['id_token']
# The token is a secret: keep it out of logs, send it as the bearer token.
print(f'Signed in; the token has {len(token)} characters.')
