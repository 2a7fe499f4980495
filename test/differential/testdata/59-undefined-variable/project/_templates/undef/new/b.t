---
to: out/b-broken.txt
---
broken <%= notDefinedAnywhere %>
