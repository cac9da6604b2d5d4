curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "example-cnhi-client-id", "clientSecret": "example-cnhi-client-secret", "subscriptionKey": "example-cnhi-subscription-key", "refreshToken": "example-cnhi-refresh-token", "clientEnvironment": "PRODUCTION"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/cnhi-credentials'
