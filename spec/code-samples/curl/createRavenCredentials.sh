curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "YOUR_RAVEN_CLIENT_ID", "clientSecret": "YOUR_RAVEN_CLIENT_SECRET", "refreshToken": "THE_USERS_RAVEN_REFRESH_TOKEN"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-credentials'
