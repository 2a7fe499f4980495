---
to: out/f.txt
---
f <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
