---
to: src/t.txt
inject: true
before: !!js/regexp /abc/u
---
HIT
