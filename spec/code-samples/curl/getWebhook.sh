curl --fail-with-body \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  'https://api.withleaf.io/services/alerts/api/alerts/webhooks/{webhookId}'
