---
to: out/d.txt
---
d <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
