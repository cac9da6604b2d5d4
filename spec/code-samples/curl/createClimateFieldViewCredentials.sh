curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"clientId": "YOUR_FIELDVIEW_CLIENT_ID", "clientSecret": "YOUR_FIELDVIEW_CLIENT_SECRET", "apiKey": "YOUR_FIELDVIEW_API_KEY", "refreshToken": "THE_USERS_FIELDVIEW_REFRESH_TOKEN"}' \
  'https://api.withleaf.io/services/usermanagement/api/users/{leafUserId}/climate-field-view-credentials'
