---
sh: "ls -A gen > listing.txt && mkdir out && echo made > out/by-sh.txt"
---
