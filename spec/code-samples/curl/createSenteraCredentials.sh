curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"username": "grower@example.com", "password": "example-sentera-password", "organizationName": "Example Farms"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/sentera-credentials'
