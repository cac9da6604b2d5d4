curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "example-lindsay-client-id", "clientSecret": "example-lindsay-client-secret", "refreshToken": "example-lindsay-refresh-token", "clientEnvironment": "STAGE"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/lindsay-credentials'
