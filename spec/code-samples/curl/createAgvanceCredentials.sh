curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apiKey": "YOUR_AGVANCE_API_KEY", "clientEnvironment": "PRODUCTION", "databaseId": "THE_USERS_AGVANCE_DATABASE_ID", "password": "THE_USERS_AGVANCE_PASSWORD", "username": "THE_USERS_AGVANCE_USERNAME"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/agvance-credentials'
