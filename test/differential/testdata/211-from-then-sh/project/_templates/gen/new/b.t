---
to: out/kept.txt
unless_exists: true
from: shared/lic.txt
sh: cat > piped-b.txt
---
template body b
