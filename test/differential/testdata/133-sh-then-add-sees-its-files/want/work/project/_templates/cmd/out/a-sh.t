---
sh: "mkdir -p out && echo from-sh > out/x.txt"
---
