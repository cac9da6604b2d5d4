curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apid": "example-valley-apid", "initializationVector": "example-valley-initialization-vector", "key": "example-valley-key", "username": "grower@example.com", "password": "example-valley-password"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/valley-credentials'
