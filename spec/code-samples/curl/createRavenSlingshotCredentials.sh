curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apiKey": "YOUR_SLINGSHOT_API_KEY", "accessKey": "THE_USERS_SLINGSHOT_ACCESS_KEY", "sharedSecret": "THE_USERS_SLINGSHOT_SHARED_SECRET"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-slingshot-credentials'
