---
to: services/<%= name %>/WRONG-ROOT.txt
---
_templates must lose to HYGEN_TMPLS
