---
to: apps/<%= kind %>/README.md
---
A <%= kind %> app.
