curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "YOUR_CNHI_CLIENT_ID", "clientSecret": "YOUR_CNHI_CLIENT_SECRET", "subscriptionKey": "YOUR_CNHI_SUBSCRIPTION_KEY", "refreshToken": "THE_USERS_CNHI_REFRESH_TOKEN", "clientEnvironment": "PRODUCTION"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/cnhi-credentials'
