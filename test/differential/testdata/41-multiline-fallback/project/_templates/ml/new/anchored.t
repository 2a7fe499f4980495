---
inject: true
to: anchored.txt
after: "^end$\\n^section: b$"
---
AFTER a match using ^ and $ across lines
