curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "example-trimble-client-id", "clientSecret": "example-trimble-client-secret", "refreshToken": "example-trimble-refresh-token"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/trimble-credentials'
