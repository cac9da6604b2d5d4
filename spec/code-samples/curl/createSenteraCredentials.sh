curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"username": "THE_USERS_SENTERA_USERNAME", "password": "THE_USERS_SENTERA_PASSWORD", "organizationName": "Example Farms"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/sentera-credentials'
