curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"refreshToken": "example-agleader-refresh-token", "publicKey": "example-agleader-public-key", "privateKey": "example-agleader-private-key"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/ag-leader-credentials'
