curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"refreshToken": "THE_USERS_AGLEADER_REFRESH_TOKEN", "publicKey": "YOUR_AGLEADER_PUBLIC_KEY", "privateKey": "YOUR_AGLEADER_PRIVATE_KEY"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/ag-leader-credentials'
