curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"events": ["credentialsUnauthenticated", "credentialsLimitedPermission"], "name": "Credential alerts", "secret": "YOUR_WEBHOOK_SECRET", "url": "https://example.com/leaf/credential-alerts"}' \
  'https://api.withleaf.io/services/alerts/api/alerts/webhooks'
