curl --fail-with-body -X POST \
  -H 'Authorization: Bearer YOUR_TOKEN' \
  -H 'Content-Type: application/json' \
  -d '{"name": "Ada Fieldhouse", "email": "ada@example.com", "phone": "+1 555 0100", "address": "1200 Prairie Road, Ames, IA 50010", "externalId": "grower-0042"}' \
  'https://api.withleaf.io/services/usermanagement/api/users'
