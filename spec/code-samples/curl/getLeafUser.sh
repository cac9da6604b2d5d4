curl --fail-with-body \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}'
