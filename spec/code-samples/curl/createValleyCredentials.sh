curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apid": "YOUR_VALLEY_APID", "initializationVector": "YOUR_VALLEY_INITIALIZATION_VECTOR", "key": "YOUR_VALLEY_KEY", "username": "THE_USERS_VALLEY_USERNAME", "password": "THE_USERS_VALLEY_PASSWORD"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/valley-credentials'
