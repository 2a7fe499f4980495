---
to: out/l.txt
---
l <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
