curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "example-fieldview-client-id", "clientSecret": "example-fieldview-client-secret", "apiKey": "example-fieldview-api-key", "refreshToken": "example-fieldview-refresh-token"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials'
