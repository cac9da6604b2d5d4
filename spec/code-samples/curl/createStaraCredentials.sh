curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apiKey": "example-stara-api-key", "accessToken": "example-stara-access-token", "accessTokenClient": "example-stara-client-access-token", "refreshToken": "example-stara-refresh-token"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/stara-credentials'
