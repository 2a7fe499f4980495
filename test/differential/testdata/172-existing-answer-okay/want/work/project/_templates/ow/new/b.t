---
to: b-fresh.txt
---
generated b
