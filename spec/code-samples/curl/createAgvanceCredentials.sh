curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"apiKey": "example-agvance-api-key", "clientEnvironment": "PRODUCTION", "databaseId": "example-agvance-database", "password": "example-agvance-password", "username": "grower@example.com"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/agvance-credentials'
