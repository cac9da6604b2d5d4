curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientKey": "YOUR_JOHN_DEERE_CLIENT_KEY", "clientSecret": "YOUR_JOHN_DEERE_CLIENT_SECRET", "refreshToken": "THE_USERS_JOHN_DEERE_REFRESH_TOKEN", "clientEnvironment": "PRODUCTION"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials'
