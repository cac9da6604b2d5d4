curl --fail-with-body \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/john-deere-credentials/events?page=0&size=20&sort=createdDate,desc'
