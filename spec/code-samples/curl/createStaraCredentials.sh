curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apiKey": "YOUR_STARA_API_KEY", "accessToken": "THE_USERS_STARA_ACCESS_TOKEN", "accessTokenClient": "YOUR_STARA_CLIENT_ACCESS_TOKEN", "refreshToken": "THE_USERS_STARA_REFRESH_TOKEN"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/stara-credentials'
