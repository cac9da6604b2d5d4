curl --fail-with-body \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  'https://api.withleaf.io/services/usermanagement/api/users?page=0&size=20&sort=name,asc&email=ada@example.com'
