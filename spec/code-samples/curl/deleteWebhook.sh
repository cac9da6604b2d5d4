curl --fail-with-body -X DELETE \
  -w '%{http_code}\n' \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  'https://api.withleaf.io/services/alerts/api/alerts/webhooks/{webhookId}'
