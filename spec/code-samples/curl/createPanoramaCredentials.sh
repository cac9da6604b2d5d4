curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "YOUR_PANORAMA_CLIENT_ID", "username": "THE_USERS_PANORAMA_USERNAME", "password": "THE_USERS_PANORAMA_PASSWORD", "organizationCode": "THE_USERS_PANORAMA_ORGANIZATION_CODE", "refreshToken": "THE_USERS_PANORAMA_REFRESH_TOKEN", "clientEnvironment": "PRODUCTION"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/panorama-credentials'
