---
to: out/b.txt
---
hello <%= name 
and more text
