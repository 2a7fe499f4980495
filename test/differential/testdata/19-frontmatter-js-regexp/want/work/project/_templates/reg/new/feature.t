---
inject: true
to: config/features.yml
skip_if: !!js/regexp /^\s+- PAYMENTS$/mi
append: true
---
  - <%= name %>
