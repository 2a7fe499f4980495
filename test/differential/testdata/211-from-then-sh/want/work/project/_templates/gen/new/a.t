---
to: out/x.txt
from: shared/lic.txt
sh: cat > piped-a.txt
---
template body a
