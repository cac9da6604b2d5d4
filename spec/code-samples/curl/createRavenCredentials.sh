curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "example-raven-client-id", "clientSecret": "example-raven-client-secret", "refreshToken": "example-raven-refresh-token"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-credentials'
