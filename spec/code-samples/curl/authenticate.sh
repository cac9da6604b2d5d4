curl --fail-with-body -X POST \
  -H 'Content-Type: application/json' \
  -d '{"username": "you@example.com", "password": "YOUR_LEAF_PASSWORD", "rememberMe": "true"}' \
  'https://api.withleaf.io/api/authenticate'
