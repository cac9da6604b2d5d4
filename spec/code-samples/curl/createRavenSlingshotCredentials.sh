curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apiKey": "example-slingshot-api-key", "accessKey": "example-slingshot-access-key", "sharedSecret": "example-slingshot-shared-secret"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/raven-slingshot-credentials'
