curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientKey": "example-deere-client-key", "clientSecret": "example-deere-client-secret", "refreshToken": "example-deere-refresh-token", "clientEnvironment": "PRODUCTION"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials'
