curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "example-panorama-client-id", "username": "grower@example.com", "password": "example-panorama-password", "organizationCode": "EXAMPLE-ORG-42", "refreshToken": "example-panorama-refresh-token", "clientEnvironment": "PRODUCTION"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/panorama-credentials'
