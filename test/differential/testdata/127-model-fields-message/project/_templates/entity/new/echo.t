---
echo: "fields: <%= fields.split(',').length %>"
---
