curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "YOUR_LINDSAY_CLIENT_ID", "clientSecret": "YOUR_LINDSAY_CLIENT_SECRET", "refreshToken": "THE_USERS_LINDSAY_REFRESH_TOKEN", "clientEnvironment": "STAGE"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/lindsay-credentials'
