curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "YOUR_TRIMBLE_CLIENT_ID", "clientSecret": "YOUR_TRIMBLE_CLIENT_SECRET", "refreshToken": "THE_USERS_TRIMBLE_REFRESH_TOKEN"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/trimble-credentials'
